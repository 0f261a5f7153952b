// The YAML/JSON forms of data/yaml_forms/ (RULES.md): minimal changelogs for the ways real changelogs
// write YAML, each with what Liquibase 4.28 printed for it (`form-X.postgresql.sql`: the offline
// update-sql script and the history rows it recorded) or the error it gave (`form-X.error`). Every
// form must behave as Liquibase's, except those in kKnownDifferences (each with its cause); one that
// starts matching must leave that list.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/migrator.h"
#include "core/text.h"
#include "migration/parse/change_log_parser.h"
#include "migration/sql/csv_reader.h"

namespace ledgerhost::migration {
namespace {

namespace fs = std::filesystem;

const fs::path kFormsDir = fs::path(LEDGERHOST_SOURCE_DIR) / "tests/host/migration/parse/data/yaml_forms";

// form -> why ledgerhost still differs (RULES.md has the Liquibase rule behind each).
const std::map<std::string, std::string> kKnownDifferences = {
    {"form-plain-date", "YAML 1.1 timestamps: SnakeYAML makes java.util.Date of plain dates; yaml-cpp keeps text"},
    {"form-dbms-list", "a YAML list read as its Java toString \"[a, b]\""},
    {"form-labels-context-list", "a YAML list read as its Java toString \"[a, b]\""},
    {"form-comment-list", "a YAML list read as its Java toString \"[a, b]\""},
    {"form-rollback-scalar-list", "a list of 2+ rollback strings is an error in Liquibase"},
    {"form-column-unknown-key", "ColumnConfig.load refuses a key that is no column property"},
    {"form-duplicate-keys", "SnakeYAML: the last of two equal keys wins; yaml-cpp keeps both"},
    {"form-multi-document", "SnakeYAML refuses a second document; yaml-cpp reads the first"},
    {"form-merge-key", "yaml-cpp 0.7 has no << merge keys"},
    {"form-json-tab-indent", "SnakeYAML refuses tab indentation; yaml-cpp accepts it"},
    {"form-columns-no-wrapper-two", "two unwrapped column maps: Liquibase's 'Multiple nodes match' error"},
};

constexpr const char* kRollbackMarker = "-- ===== future-rollback-sql";

// The statements of a script: no comments, blank lines or history-table statements. `rollback`:
// those of the future-rollback-sql part appended to the capture, else those before it.
std::vector<std::string> Statements(const std::string& script, bool rollback = false) {
  std::vector<std::string> out;
  std::istringstream in(script);
  std::string line;
  bool in_rollback = false;
  while (std::getline(in, line)) {
    if (line.rfind(kRollbackMarker, 0) == 0) in_rollback = true;
    if (in_rollback != rollback) continue;
    if (line.empty() || line.rfind("--", 0) == 0) continue;
    const std::string upper = text::Upper(line);
    if (upper.find("DATABASECHANGELOG") != std::string::npos) continue;
    out.push_back(line);
  }
  return out;
}

// "id|author|md5|description|comments|contexts|labels" of each row Liquibase's offline run recorded.
std::vector<std::string> ExpectedRows(const std::string& script) {
  std::vector<std::string> out;
  std::istringstream in(script);
  std::string line;
  bool in_rows = false;
  while (std::getline(in, line)) {
    if (line.rfind("-- offline databasechangelog.csv", 0) == 0) {
      in_rows = true;
      continue;
    }
    if (!in_rows || line.rfind("-- \"", 0) != 0) continue;
    const CsvTable csv = ReadCsv("h\n" + line.substr(3) + "\n", ',', '"', "");
    if (csv.rows.empty() || csv.rows[0].size() < 13) continue;
    const auto& r = csv.rows[0];
    const std::string contexts = r[11] == "()" ? "" : r[11];  // the offline CSV writes no context as "()"
    out.push_back(r[0] + "|" + r[1] + "|" + r[6] + "|" + r[7] + "|" + r[8] + "|" + contexts + "|" + r[12]);
  }
  return out;
}

struct Outcome {
  bool failed = false;
  std::string error;
  std::vector<std::string> statements;
  std::vector<std::string> rows;
  std::vector<std::string> rollback;  // declared rollbacks, newest changeset first (future-rollback-sql)
};

Outcome RunForm(const std::string& file) {
  Outcome outcome;
  try {
    DirectoryResourceLoader loader(kFormsDir);
    ParseOptions options;
    options.database = db::DatabaseKind::kPostgresql;
    const ChangeLog log = ParseChangeLog(loader, file, options);
    Migrator migrator(log, loader, db::DatabaseKind::kPostgresql, nullptr, MigratorOptions{});
    std::ostringstream script;
    migrator.UpdateSql(script, {});
    outcome.statements = Statements(script.str());
    for (const auto& cs : log.change_sets) {
      if (!cs.dbms.empty() && !db::DbmsMatches(cs.dbms, "postgresql")) continue;
      outcome.rows.push_back(cs.id + "|" + cs.author + "|" +
                             ComputeCheckSum(cs, CheckSumVersion::kV9, db::DatabaseKind::kPostgresql, loader) + "|" +
                             Describe(cs) + "|" + text::Trim(cs.comments) + "|" + cs.context + "|" + cs.labels);
    }
    for (auto cs = log.change_sets.rbegin(); cs != log.change_sets.rend(); ++cs) {
      SqlGenerationContext context;
      context.database = db::DatabaseKind::kPostgresql;
      context.loader = &loader;
      context.change_log_path = cs->physical_path;
      for (const auto& change : cs->rollback.changes) {
        for (const auto& statement : GenerateSql(change, context)) outcome.rollback.push_back(statement.sql + ";");
      }
    }
  } catch (const Error& e) {
    outcome.failed = true;
    outcome.error = e.what();
  }
  return outcome;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(YamlForms, EveryFormBehavesAsLiquibase) {
  std::vector<fs::path> forms;
  for (const auto& entry : fs::directory_iterator(kFormsDir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("form-", 0) == 0 && (entry.path().extension() == ".yaml" || entry.path().extension() == ".json")) {
      forms.push_back(entry.path());
    }
  }
  std::sort(forms.begin(), forms.end());
  ASSERT_GE(forms.size(), 25u);
  int compared = 0;
  for (const auto& path : forms) {
    const std::string form = path.stem().string();
    const fs::path error_file = kFormsDir / (form + ".error");
    const fs::path sql_file = kFormsDir / (form + ".postgresql.sql");
    // The validCheckSums forms need a seeded history (RULES.md); the migrator tests cover them.
    if (form.find("validchecksums") != std::string::npos) continue;
    if (!fs::exists(error_file) && !fs::exists(sql_file)) continue;
    ++compared;
    const Outcome outcome = RunForm(path.filename().string());
    bool same = false;
    std::string detail;
    if (fs::exists(error_file)) {
      same = outcome.failed;
      detail = "Liquibase refuses it: " + ReadText(error_file);
    } else {
      const std::string expected = ReadText(sql_file);
      const bool has_rollback = expected.find(kRollbackMarker) != std::string::npos;
      same = !outcome.failed && outcome.statements == Statements(expected) && outcome.rows == ExpectedRows(expected) &&
             (!has_rollback || outcome.rollback == Statements(expected, true));
      std::string ours;
      for (const auto& s : outcome.statements) ours += "  " + s + "\n";
      for (const auto& r : outcome.rows) ours += "  row " + r + "\n";
      for (const auto& r : outcome.rollback) ours += "  rollback " + r + "\n";
      std::string theirs;
      for (const auto& s : Statements(expected)) theirs += "  " + s + "\n";
      for (const auto& r : ExpectedRows(expected)) theirs += "  row " + r + "\n";
      for (const auto& r : Statements(expected, true)) theirs += "  rollback " + r + "\n";
      detail = (outcome.failed ? "ledgerhost: " + outcome.error + "\n" : "ledgerhost:\n" + ours) + "Liquibase:\n" + theirs;
    }
    if (kKnownDifferences.count(form)) {
      EXPECT_FALSE(same) << form << " now behaves as Liquibase: remove it from kKnownDifferences";
    } else {
      EXPECT_TRUE(same) << form << "\n" << detail;
    }
  }
  EXPECT_GE(compared, 25);
}

}  // namespace
}  // namespace ledgerhost::migration
