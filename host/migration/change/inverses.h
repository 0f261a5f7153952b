// The inverses of the change types that have one (Change.createInverses, liquibase-spec.md §5.2);
// change_types.cpp names each beside its change type.
#pragma once

#include <vector>

#include "migration/change/change_type.h"

namespace ledgerhost::migration::inverse {

std::vector<Change> InverseOfCreateTable(const Change& change);
std::vector<Change> InverseOfAddColumn(const Change& change);
std::vector<Change> InverseOfRenameColumn(const Change& change);
std::vector<Change> InverseOfRenameTable(const Change& change);
std::vector<Change> InverseOfRenameView(const Change& change);
std::vector<Change> InverseOfRenameSequence(const Change& change);
std::vector<Change> InverseOfAddLookupTable(const Change& change);
std::vector<Change> InverseOfCreateIndex(const Change& change);
std::vector<Change> InverseOfAddForeignKeyConstraint(const Change& change);
std::vector<Change> InverseOfAddPrimaryKey(const Change& change);
std::vector<Change> InverseOfAddUniqueConstraint(const Change& change);
std::vector<Change> InverseOfAddNotNullConstraint(const Change& change);
std::vector<Change> InverseOfDropNotNullConstraint(const Change& change);
std::vector<Change> InverseOfAddDefaultValue(const Change& change);
std::vector<Change> InverseOfCreateSequence(const Change& change);
std::vector<Change> InverseOfCreateView(const Change& change);
std::vector<Change> InverseOfLoadUpdateData(const Change& change);
// tagDatabase, empty, output: undone by doing nothing.
std::vector<Change> NoInverseChanges(const Change& change);

}  // namespace ledgerhost::migration::inverse
