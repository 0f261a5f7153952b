#include "core/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace ledgerhost {
namespace {

// docs/operators.md's "Exit codes" table: code -> meaning, as the operator reads it.
std::map<int, std::string> DocumentedExitCodes() {
  std::ifstream in(std::filesystem::path(LEDGERHOST_SOURCE_DIR) / "docs/operators.md");
  EXPECT_TRUE(in);
  std::map<int, std::string> out;
  std::string line;
  bool in_section = false;
  const std::regex row(R"(^\| (\d+) \| (.*) \|$)");
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Exit codes";
    std::smatch m;
    if (in_section && std::regex_match(line, m, row)) out[std::stoi(m[1])] = m[2];
  }
  return out;
}

TEST(ExitCodes, HelpAndTheOperatorsGuideListEveryCodeWithOneMeaning) {
  const std::map<int, std::string> documented = DocumentedExitCodes();
  const std::string help = ExitCodeHelp();
  ASSERT_EQ(help.rfind("Exit codes:\n", 0), 0u) << help;
  int previous = -1;
  for (const auto& [code, meaning] : ExitCodeMeanings()) {
    const int number = static_cast<int>(code);
    EXPECT_GT(number, previous) << "ExitCodeMeanings() is in ascending order";
    previous = number;
    EXPECT_NE(help.find("  " + std::to_string(number) + " "), std::string::npos) << help;
    EXPECT_NE(help.find(meaning), std::string::npos) << help;
    const auto row = documented.find(number);
    ASSERT_NE(row, documented.end()) << "docs/operators.md lacks exit code " << number;
    EXPECT_EQ(row->second, meaning) << "docs/operators.md's exit code " << number;
  }
  EXPECT_EQ(documented.size(), ExitCodeMeanings().size()) << "docs/operators.md lists a code the program does not have";
}

TEST(ExitCodes, EveryErrorTypeExitsWithAListedCode) {
  std::set<int> listed;
  for (const auto& entry : ExitCodeMeanings()) listed.insert(static_cast<int>(entry.code));
  for (const Error& e : {Error(ExitCode::kInternal, "x"), static_cast<Error>(ConfigError("x")),
                         static_cast<Error>(ChangeLogError("x")), static_cast<Error>(MigrationError("x")),
                         static_cast<Error>(PluginError("p.so", "x")), static_cast<Error>(InterruptedError(true, "x")),
                         static_cast<Error>(InterruptedError(false, "x")), static_cast<Error>(DatabaseError("x")),
                         static_cast<Error>(PendingMigrationsError("x"))}) {
    EXPECT_EQ(listed.count(static_cast<int>(e.code())), 1u) << static_cast<int>(e.code());
  }
}

}  // namespace
}  // namespace ledgerhost
