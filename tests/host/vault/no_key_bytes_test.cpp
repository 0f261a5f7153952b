// Keys never reach the database. After a node's worth of activity with parties whose keys are
// distinctive (identities registered, states with well-known and anonymous parties recorded and
// spent), every value of every column of every table, text or binary, and on PostgreSQL every large
// object, is searched for each key as raw bytes, hex (either case) and base64 (standard and URL-safe,
// without padding). The scanner is proven on planted keys first.
#include <gtest/gtest.h>

#include <set>

#include "migration/sql/dialect.h"
#include "vault/identity_registry.h"
#include "vault_test_fixture.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;

std::string Hex(const std::vector<uint8_t>& bytes, const char* digits) {
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string Base64(const std::vector<uint8_t>& bytes, const char* alphabet) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
  }
  if (i + 1 == bytes.size()) {
    const uint32_t n = bytes[i] << 16;
    for (int shift : {18, 12}) out += alphabet[(n >> shift) & 63];
  } else if (i + 2 == bytes.size()) {
    const uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    for (int shift : {18, 12, 6}) out += alphabet[(n >> shift) & 63];
  }
  return out;  // unpadded: a padded encoding contains it
}

std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

// Every form a key could be written in.
std::vector<std::string> Forms(const std::vector<uint8_t>& key) {
  return {std::string(key.begin(), key.end()), Hex(key, "0123456789abcdef"), Hex(key, "0123456789ABCDEF"),
          Base64(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
          Base64(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")};
}

class NoKeyBytesTest : public VaultTest {
 protected:
  // "table.column" of every value that holds a form of a key; counts the values looked at.
  std::set<std::string> Findings() {
    const bool pg = GetParam() == DatabaseKind::kPostgresql;
    const bool sqlite = GetParam() == DatabaseKind::kSqlite;
    const auto tables = db_.Query(sqlite ? "SELECT 'main', name FROM sqlite_master WHERE type = 'table'"
                                  : pg   ? "SELECT table_schema, table_name FROM information_schema.tables WHERE "
                                           "table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', "
                                           "'information_schema')"
                                         : "SELECT table_schema, table_name FROM information_schema.tables WHERE "
                                           "table_type = 'BASE TABLE' AND table_schema = DATABASE()");
    std::vector<std::string> forms;
    for (const auto* key : {&kBankKey, &kAliceKey, &kAnonymousKey}) {
      for (auto& form : Forms(*key)) forms.push_back(std::move(form));
    }
    std::set<std::string> found;
    auto search = [&](const std::string& where, const std::optional<std::string>& value) {
      if (!value) return;
      ++values_scanned_;
      // PostgreSQL prints binary values as \x<hex>: search their bytes too.
      const std::string bytes = pg && value->rfind("\\x", 0) == 0 ? FromHex(value->substr(2)) : "";
      for (const auto& form : forms) {
        if (value->find(form) != std::string::npos || bytes.find(form) != std::string::npos) found.insert(where);
      }
    };
    EXPECT_GE(tables.size(), 10u);
    for (const auto& table : tables) {
      const std::string name = migration::QuoteIdentifier(*table[0], GetParam(), false) + "." +
                               migration::QuoteIdentifier(*table[1], GetParam(), false);
      // Column names in the order SELECT * returns them.
      const auto columns = sqlite ? db_.Query("SELECT name FROM pragma_table_info(?)", {*table[1]})
                                  : db_.Query("SELECT column_name FROM information_schema.columns WHERE table_schema = " +
                                                  db::Placeholder(GetParam(), 1) + " AND table_name = " +
                                                  db::Placeholder(GetParam(), 2) + " ORDER BY ordinal_position",
                                              {*table[0], *table[1]});
      for (const auto& row : db_.Query("SELECT * FROM " + name)) {
        for (size_t c = 0; c < row.size(); ++c) search(*table[1] + "." + *columns.at(c)[0], row[c]);
      }
    }
    if (pg) {
      // A BLOB column is an OID on PostgreSQL (as Liquibase creates it): its bytes are a large object.
      for (const auto& row : db_.Query("SELECT lo_get(oid) FROM pg_largeobject_metadata"))
        search("large object", row[0]);
    }
    return found;
  }

  long long values_scanned_ = 0;
};

TEST_P(NoKeyBytesTest, NoFormOfAnyKeyIsStoredAnywhere) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  identities.RegisterWellKnown(Alice());
  vault_->Record(Transaction("issue",
                             {std::make_shared<LoanState>(Loan{Bank(), Alice(), 5, 0.25, true, "memo", {1, 2}}),
                              std::make_shared<LoanState>(Loan{Anonymous(), Bank(), 6, 0, false, {}, {}}),
                              std::make_shared<NoteState>(std::vector<Party>{Alice(), Anonymous()})},
                             {}, Bank().x500_name));
  vault_->Record(Transaction("spend", {std::make_shared<LoanState>(Loan{Alice(), Anonymous(), 7, 0, false, {}, {3}})},
                             {{"issue", 0}}));

  EXPECT_EQ(Findings(), std::set<std::string>{});
  EXPECT_GT(values_scanned_, 60);
}

TEST_P(NoKeyBytesTest, TheScanFindsPlantedKeysInTextAndBinaryColumns) {
  const bool pg = GetParam() == DatabaseKind::kPostgresql;
  // Planted by the test itself, from its own constants: the vault has no part in this.
  db_.connection().Take()->Execute("INSERT INTO node_info (node_name, host_version, started_timestamp) VALUES ('" +
                           Forms(kAliceKey)[3] + "', 'x', '2024-01-01 00:00:00')");
  db_.connection().Take()->Execute("INSERT INTO node_attachments (att_id, content, insertion_date) VALUES ('planted', " +
                           (pg ? "lo_from_bytea(0, decode('" + Hex(kBankKey, "0123456789abcdef") + "', 'hex'))"
                               : "X'" + Hex(kBankKey, "0123456789abcdef") + "'") +
                           ", '2024-01-01 00:00:00')");
  const auto found = Findings();
  EXPECT_TRUE(found.count("node_info.node_name")) << "base64 in a text column";
  EXPECT_TRUE(found.count(pg ? "large object" : "node_attachments.content")) << "raw bytes in a binary column";
}

INSTANTIATE_TEST_SUITE_P(Databases, NoKeyBytesTest, ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         DatabaseTestName);

}  // namespace
}  // namespace ledgerhost::vault::test
