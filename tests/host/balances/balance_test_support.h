// What the balance tests share: the stores, the test Redis (scripts/start-redis.sh) and the
// host's balance tables on a test database.
#pragma once

#include <hiredis/hiredis.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "support/test_database.h"

namespace ledgerhost::balances::test {

enum class Store { kSqlite, kPostgresql, kMariadb, kRedis };

inline std::string StoreName(const ::testing::TestParamInfo<Store>& info) {
  switch (info.param) {
    case Store::kSqlite: return "Sqlite";
    case Store::kPostgresql: return "Postgresql";
    case Store::kMariadb: return "Mariadb";
    case Store::kRedis: return "Redis";
  }
  return "";
}

// The database of a SQL store (Redis has none).
inline db::DatabaseKind KindOf(Store store) {
  switch (store) {
    case Store::kSqlite: return db::DatabaseKind::kSqlite;
    case Store::kMariadb: return db::DatabaseKind::kMariadb;
    default: return db::DatabaseKind::kPostgresql;
  }
}

// The test Redis: LEDGERHOST_TEST_REDIS_PORT, default 6390.
inline int RedisPort() {
  const char* port = std::getenv("LEDGERHOST_TEST_REDIS_PORT");
  return port ? std::atoi(port) : 6390;
}

// Removes every key under `prefix` (each test has its own).
inline void DeleteRedisKeys(const std::string& prefix) {
  redisContext* c = redisConnect("127.0.0.1", RedisPort());
  ASSERT_TRUE(c != nullptr && !c->err) << "no test Redis on 127.0.0.1:" << RedisPort() << ": run scripts/start-redis.sh";
  std::string cursor = "0";
  do {
    auto* reply = static_cast<redisReply*>(redisCommand(c, "SCAN %s MATCH %s* COUNT 1000", cursor.c_str(), prefix.c_str()));
    ASSERT_NE(reply, nullptr);
    cursor = reply->element[0]->str;
    for (size_t i = 0; i < reply->element[1]->elements; ++i) {
      freeReplyObject(redisCommand(c, "DEL %s", reply->element[1]->element[i]->str));
    }
    freeReplyObject(reply);
  } while (cursor != "0");
  redisFree(c);
}

// Runs the host's changelogs (the balance_* tables among them) on `database`.
inline void MigrateHostTables(::ledgerhost::testing::TestDatabase& database, db::DatabaseKind kind) {
  auto connection = database.Connect();
  migration::ParseOptions options;
  options.database = kind;
  const migration::DirectoryResourceLoader files(LEDGERHOST_NODE_MIGRATIONS_DIR);
  const auto log = migration::ParseChangeLog(files, "ledgerhost-node.changelog-master.xml", options);
  migration::Migrator(log, files, kind, connection.get()).Update();
}

}  // namespace ledgerhost::balances::test
