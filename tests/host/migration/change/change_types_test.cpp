#include "migration/change/change_type.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ledgerhost::migration {
namespace {

TEST(ChangeTypes, EachIsListedOnceWithItsParametersInOrder) {
  std::set<std::string_view> names;
  for (const auto& type : AllChangeTypes()) {
    EXPECT_TRUE(names.insert(type.name).second) << type.name;
    EXPECT_EQ(FindChangeType(type.name), &type);
    for (std::size_t i = 1; i < type.parameters.size(); ++i) {
      EXPECT_LT(type.parameters[i - 1].name, type.parameters[i].name) << type.name;  // Liquibase's sorted order
    }
    if (!type.text_attribute.empty()) {
      const ChangeParameter* text = type.Find(type.text_attribute);
      ASSERT_NE(text, nullptr) << type.name;
      EXPECT_EQ(text->kind, FieldKind::kString) << type.name;
    }
    for (const auto& [name, value] : type.text_defaults) EXPECT_TRUE(type.HasAttribute(name)) << type.name << " " << name;
    for (const auto& name : type.list_defaults) {
      ASSERT_NE(type.Find(name), nullptr) << type.name << " " << name;
      EXPECT_TRUE(IsListKind(type.Find(name)->kind)) << type.name << " " << name;
    }
  }
  // Liquibase 4.28 open source: 47 change types.
  EXPECT_EQ(names.size(), 47u);
  EXPECT_EQ(FindChangeType("createFunction"), nullptr);  // Liquibase Pro
}

TEST(ChangeTypes, AnXmlElementCarriesItsParametersButNotItsLists) {
  const ChangeType* create_table = FindChangeType("createTable");
  ASSERT_NE(create_table, nullptr);
  EXPECT_TRUE(create_table->HasAttribute("tableName"));
  EXPECT_TRUE(create_table->Find("tableName")->required);
  EXPECT_FALSE(create_table->Find("remarks")->required);
  EXPECT_FALSE(create_table->HasAttribute("columns"));
  EXPECT_TRUE(create_table->Find("columns")->required);
  EXPECT_FALSE(create_table->HasAttribute("tableNme"));
  EXPECT_EQ(FindChangeType("addAutoIncrement")->Find("startWith")->kind, FieldKind::kBigInteger);
  EXPECT_EQ(FindChangeType("sql")->text_attribute, "sql");
}

TEST(ChangeTypes, TheInverseComesFromTheChangeType) {
  Change create;
  create.type = "createIndex";
  create.attributes = {{"tableName", "t"}, {"indexName", "i"}, {"unique", "true"}};
  auto inverse = InverseOf(create);
  ASSERT_TRUE(inverse.has_value());
  ASSERT_EQ(inverse->size(), 1u);
  EXPECT_EQ(inverse->at(0).type, "dropIndex");
  EXPECT_EQ(inverse->at(0).attributes, (Attributes{{"tableName", "t"}, {"indexName", "i"}}));
  Change drop = create;
  drop.type = "dropTable";
  EXPECT_FALSE(InverseOf(drop).has_value());  // needs an explicit <rollback>
  drop.type = "noSuchChange";
  EXPECT_FALSE(InverseOf(drop).has_value());
}

}  // namespace
}  // namespace ledgerhost::migration
