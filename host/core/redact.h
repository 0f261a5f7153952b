// Passwords never reach the logs: every URL or connection string is passed through here first.
#pragma once

#include <string>
#include <string_view>

namespace ledgerhost {

// Replaces the password in "scheme://user:pass@host/..." URLs and in "password=..." key/value
// connection strings with "***".
std::string RedactSecrets(std::string_view text);

}  // namespace ledgerhost
