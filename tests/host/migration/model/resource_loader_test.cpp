#include "migration/model/resource_loader.h"

#include <fstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "db/database_kind.h"

namespace ledgerhost::migration {
namespace {

TEST(ResourceLoaderTest, ResolvesRelativeToIncludingFile) {
  EXPECT_EQ(ResourceLoader::Resolve("v1.xml", "migration/master.xml"), "migration/v1.xml");
  EXPECT_EQ(ResourceLoader::Resolve("../common/x.sql", "db/sub/master.xml"), "db/common/x.sql");
  EXPECT_EQ(ResourceLoader::Resolve("classpath:/db\\a.xml"), "db/a.xml");
  EXPECT_EQ(ResourceLoader::Resolve("./a/./b.xml"), "a/b.xml");
}

TEST(ResourceLoaderTest, RefusesToLeaveTheRoot) {
  EXPECT_THROW(ResourceLoader::Resolve("../../etc/passwd", "migration/master.xml"), ChangeLogError);
  EXPECT_THROW(ResourceLoader::Resolve("/../x"), ChangeLogError);
}

TEST(ResourceLoaderTest, MemoryLoaderReadsAndLists) {
  MemoryResourceLoader loader("plugin test", {{"migration/b.xml", "B"}, {"migration/a.xml", "A"}, {"other.txt", "O"}});
  EXPECT_EQ(loader.Read("migration/a.xml").value(), "A");
  EXPECT_FALSE(loader.Read("migration/c.xml").has_value());
  EXPECT_EQ(loader.List("migration"), (std::vector<std::string>{"migration/a.xml", "migration/b.xml"}));
  EXPECT_THROW(loader.Read("../secret"), ChangeLogError);
}

TEST(ResourceLoaderTest, DirectoryLoaderStaysInsideRootEvenThroughSymlinks) {
  auto base = std::filesystem::temp_directory_path() / "ledgerhost-resource-loader-test";
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base / "root/sub");
  std::ofstream(base / "root/sub/a.sql") << "select 1;";
  std::ofstream(base / "secret.txt") << "secret";
  std::filesystem::create_symlink(base / "secret.txt", base / "root/link.txt");
  DirectoryResourceLoader loader(base / "root");
  EXPECT_EQ(loader.Read("sub/a.sql").value(), "select 1;");
  EXPECT_EQ(loader.List(""), (std::vector<std::string>{"link.txt", "sub/a.sql"}));
  EXPECT_THROW(loader.Read("link.txt"), ChangeLogError);
  EXPECT_THROW(loader.Read("../secret.txt"), ChangeLogError);
  std::filesystem::remove_all(base);
}

// Liquibase's --search-path a,b: one tree of several roots; a path in two of them is an error.
TEST(ResourceLoaderTest, SearchPathReadsEveryRootAndRefusesDuplicates) {
  auto base = std::filesystem::temp_directory_path() / "ledgerhost-search-path-test";
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base / "a/db");
  std::filesystem::create_directories(base / "b/db");
  std::ofstream(base / "a/db/master.xml") << "A";
  std::ofstream(base / "b/db/part.xml") << "B";
  std::ofstream(base / "a/db/twice.xml") << "1";
  std::ofstream(base / "b/db/twice.xml") << "2";
  SearchPathResourceLoader loader({base / "a", base / "b"});
  EXPECT_EQ(loader.Read("db/master.xml").value(), "A");
  EXPECT_EQ(loader.Read("/db/part.xml").value(), "B");
  EXPECT_FALSE(loader.Read("db/none.xml").has_value());
  EXPECT_EQ(loader.List("db"), (std::vector<std::string>{"db/master.xml", "db/part.xml", "db/twice.xml"}));
  try {
    loader.Read("db/twice.xml");
    ADD_FAILURE() << "a path in two roots must be refused";
  } catch (const ChangeLogError& e) {
    EXPECT_NE(std::string(e.what()).find("Found 2 files with the path 'db/twice.xml'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(loader.Read("../a/db/master.xml"), ChangeLogError);
  std::filesystem::remove_all(base);
}

TEST(DatabaseKindTest, DbmsDefinitionsMatchLikeLiquibase) {
  EXPECT_TRUE(db::DbmsMatches("", "sqlite"));
  EXPECT_TRUE(db::DbmsMatches("postgresql, sqlite", "sqlite"));
  EXPECT_FALSE(db::DbmsMatches("postgresql", "sqlite"));
  EXPECT_FALSE(db::DbmsMatches("!sqlite", "sqlite"));
  EXPECT_TRUE(db::DbmsMatches("!oracle", "sqlite"));
  EXPECT_TRUE(db::DbmsMatches("all", "sqlite"));
  EXPECT_FALSE(db::DbmsMatches("none", "sqlite"));
  EXPECT_EQ(db::DatabaseKindFromShortName("PostgreSQL"), db::DatabaseKind::kPostgresql);
}

}  // namespace
}  // namespace ledgerhost::migration
