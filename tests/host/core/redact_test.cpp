#include "core/redact.h"

#include <gtest/gtest.h>

namespace ledgerhost {
namespace {

TEST(RedactSecretsTest, HidesUrlPassword) {
  EXPECT_EQ(RedactSecrets("postgresql://alice:s3cr%21t@127.0.0.1:5432/db"),
            "postgresql://alice:***@127.0.0.1:5432/db");
  EXPECT_EQ(RedactSecrets("jdbc:postgresql://bob:pw@host/db"), "jdbc:postgresql://bob:***@host/db");
}

// The user info ends at the last '@' before the query, as the URL parser reads it: a password with
// '@', ':' or '/' in it is hidden whole.
TEST(RedactSecretsTest, HidesAPasswordHoldingAtSignsWhole) {
  EXPECT_EQ(RedactSecrets("postgresql://user:p@ss:w/rd@host/db"), "postgresql://user:***@host/db");
  EXPECT_EQ(RedactSecrets("error at postgresql://u:a://b@c@h:5432/db?sslmode=x@y: refused"),
            "error at postgresql://u:***@h:5432/db?sslmode=x@y: refused");
  EXPECT_EQ(RedactSecrets("redis://:s3cret@127.0.0.1:6379 and postgresql://only-user@host/db"),
            "redis://:***@127.0.0.1:6379 and postgresql://only-user@host/db");
}

TEST(RedactSecretsTest, HidesKeyValuePassword) {
  EXPECT_EQ(RedactSecrets("host=127.0.0.1 user=a password=hunter2 dbname=x"),
            "host=127.0.0.1 user=a password=*** dbname=x");
  EXPECT_EQ(RedactSecrets("?user=a&password=hunter2&ssl=true"), "?user=a&password=***&ssl=true");
}

TEST(RedactSecretsTest, LeavesTextWithoutSecretsAlone) {
  EXPECT_EQ(RedactSecrets("sqlite:/var/lib/node/ledgerhost.db"), "sqlite:/var/lib/node/ledgerhost.db");
  EXPECT_EQ(RedactSecrets("postgresql://alice@host/db"), "postgresql://alice@host/db");
}

}  // namespace
}  // namespace ledgerhost
