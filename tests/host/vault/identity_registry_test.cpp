// The identity registry on real SQLite and PostgreSQL: names persist in node_named_identities,
// keys stay in memory, answers survive a restart by name, pointers stay valid.
#include "vault/identity_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/error.h"
#include "vault_test_fixture.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;

using IdentityRegistryTest = VaultTest;

TEST_P(IdentityRegistryTest, OurIdentityIsKnownAndStoredByName) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  EXPECT_EQ(identities.OurIdentity().x500_name, Bank().x500_name);
  EXPECT_EQ(identities.OurIdentity().public_key, kBankKey);
  const Party* bank = identities.WellKnownParty(Bank().x500_name);
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->public_key, kBankKey);
  EXPECT_EQ(db_.Query("SELECT name, recorded_timestamp FROM node_named_identities"),
            (std::vector<db::Row>{{Bank().x500_name, "2024-05-06 07:08:09.123456"}}));
}

TEST_P(IdentityRegistryTest, RegisteringIsIdempotent) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  identities.RegisterWellKnown(Alice());
  clock_.Advance(std::chrono::hours(1));
  identities.RegisterWellKnown(Alice());
  IdentityRegistry restarted(db_.connection(), catalog_, Bank(), clock_.clock());
  EXPECT_EQ(db_.Query("SELECT name, recorded_timestamp FROM node_named_identities ORDER BY name"),
            (std::vector<db::Row>{{Alice().x500_name, "2024-05-06 07:08:09.123456"},
                                         {Bank().x500_name, "2024-05-06 07:08:09.123456"}}))
      << "the first registration's row stays as it was";
}

TEST_P(IdentityRegistryTest, APartyFromAnEarlierRunIsKnownByNameWithoutKey) {
  {
    IdentityRegistry first_run(db_.connection(), catalog_, Bank(), clock_.clock());
    first_run.RegisterWellKnown(Alice());
  }
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  const Party* alice = identities.WellKnownParty(Alice().x500_name);
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(alice->x500_name, Alice().x500_name);
  EXPECT_TRUE(alice->well_known);
  EXPECT_TRUE(alice->public_key.empty()) << "keys are never stored";
  EXPECT_EQ(identities.WellKnownParty(Alice().x500_name), alice) << "remembered";
  EXPECT_EQ(identities.WellKnownParty("O=Nobody, L=Nowhere, C=XX"), nullptr);
  EXPECT_EQ(identities.WellKnownParty(std::string("O=Alice, L=Paris, C=FR\0x", 24)), nullptr);
}

TEST_P(IdentityRegistryTest, AnsweredPointersStayValidWhenAPartyIsRegisteredAgain) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  identities.RegisterWellKnown(Alice());
  const Party* before = identities.WellKnownParty(Alice().x500_name);
  Party rotated = Alice();
  rotated.public_key = kAnonymousKey;
  identities.RegisterWellKnown(rotated);
  EXPECT_EQ(before->public_key, kAliceKey) << "the old answer is unchanged (and still alive under ASan)";
  EXPECT_EQ(identities.WellKnownParty(Alice().x500_name)->public_key, kAnonymousKey);
  EXPECT_EQ(db_.Count("node_named_identities"), 2);
}

TEST_P(IdentityRegistryTest, RefusesWhatCannotBeStoredByName) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  EXPECT_THROW(identities.RegisterWellKnown(Anonymous()), Error);
  EXPECT_THROW(identities.RegisterWellKnown(Party{"", kAliceKey, true}), DatabaseError);
  EXPECT_THROW(identities.RegisterWellKnown(Party{std::string(256, 'n'), kAliceKey, true}), DatabaseError);
  EXPECT_EQ(identities.WellKnownParty(Anonymous().x500_name), nullptr);
  EXPECT_EQ(db_.Count("node_named_identities"), 1);
}

TEST_P(IdentityRegistryTest, AnAnonymousOwnIdentityIsNotStored) {
  IdentityRegistry identities(db_.connection(), catalog_, Anonymous(), clock_.clock());
  EXPECT_EQ(identities.OurIdentity().x500_name, Anonymous().x500_name);
  EXPECT_EQ(identities.WellKnownParty(Anonymous().x500_name), nullptr);
  EXPECT_EQ(db_.Count("node_named_identities"), 0);
}

TEST_P(IdentityRegistryTest, ReadsFromSeveralThreads) {
  {
    IdentityRegistry first_run(db_.connection(), catalog_, Bank(), clock_.clock());
    first_run.RegisterWellKnown(Alice());
  }
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  std::vector<std::thread> readers;
  std::vector<const Party*> answers(8);
  for (size_t t = 0; t < answers.size(); ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        answers[t] = identities.WellKnownParty(t % 2 ? Bank().x500_name : Alice().x500_name);  // memory or table
        EXPECT_EQ(identities.WellKnownParty("O=Nobody, L=Nowhere, C=XX"), nullptr);
      }
    });
  }
  for (auto& reader : readers) reader.join();
  for (size_t t = 0; t < answers.size(); ++t) {
    ASSERT_NE(answers[t], nullptr);
    EXPECT_EQ(answers[t], identities.WellKnownParty(t % 2 ? Bank().x500_name : Alice().x500_name));
  }
}

// The vault and the registry share the node's one connection and services may use them from their
// own threads: they take turns on it (on PostgreSQL, two statements at once on one libpq connection
// fail or mix their results).
TEST_P(IdentityRegistryTest, LookupsOnAnotherThreadWhileTheVaultRecords) {
  IdentityRegistry identities(db_.connection(), catalog_, Bank(), clock_.clock());
  std::atomic<bool> done{false};
  std::atomic<int> lookups{0};
  std::thread reader([&] {
    while (!done) {
      EXPECT_EQ(identities.WellKnownParty("O=Nobody, L=Nowhere, C=XX"), nullptr);  // a query every time
      ++lookups;
    }
  });
  for (int i = 0; i < 40; ++i) vault_->Record(Transaction("tx" + std::to_string(i), {SimpleLoan()}));
  done = true;
  reader.join();
  EXPECT_EQ(db_.Count("vault_states"), 40);
  EXPECT_GT(lookups.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Databases, IdentityRegistryTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb), DatabaseTestName);

}  // namespace
}  // namespace ledgerhost::vault::test
