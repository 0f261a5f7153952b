#include "db/database_url.h"

#include <map>
#include <sstream>

#include "core/error.h"
#include "core/redact.h"
#include "core/text.h"

namespace ledgerhost::db {
namespace {

// %XX escapes in the user-info and query parts of a URL.
std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(const std::string& query) {
  std::map<std::string, std::string> out;
  std::stringstream in(query);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    auto eq = pair.find('=');
    if (eq == std::string::npos) continue;
    out[pair.substr(0, eq)] = PercentDecode(pair.substr(eq + 1));
  }
  return out;
}

[[noreturn]] void Fail(const std::string& url, const std::string& why) {
  throw ConfigError("database URL '" + RedactSecrets(url) + "': " + why +
                    " (expected sqlite:PATH, postgresql://user:password@host:port/database (or postgres://), "
                    "mariadb:// or mysql:// likewise, their jdbc: forms, or "
                    "offline:<postgresql|mysql|mariadb|oracle|mssql|sqlite|h2>[?outputLiquibaseSql=all|data_only|none])");
}

// A server URL: PostgreSQL, MariaDB, MySQL.
void ParseServerUrl(const std::string& url, std::string rest, DatabaseUrl& out) {
  // rest = "//[user[:pass]@]host[:port]/db[?query]"
  if (rest.rfind("//", 0) != 0) Fail(url, "missing // after the scheme");
  rest.erase(0, 2);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.erase(q);
  }
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string user_info = rest.substr(0, at);
    rest.erase(0, at + 1);
    auto colon = user_info.find(':');
    out.user = PercentDecode(user_info.substr(0, colon));
    if (colon != std::string::npos) out.password = PercentDecode(user_info.substr(colon + 1));
  }
  auto slash = rest.find('/');
  if (slash == std::string::npos || slash + 1 >= rest.size()) Fail(url, "no database name");
  out.database = rest.substr(slash + 1);
  std::string host_port = rest.substr(0, slash);
  if (auto colon = host_port.rfind(':'); colon != std::string::npos && host_port.find(']') == std::string::npos) {
    try {
      out.port = std::stoi(host_port.substr(colon + 1));
    } catch (const std::exception&) {
      Fail(url, "port is not a number");
    }
    host_port.erase(colon);
  }
  if (!host_port.empty()) out.host = host_port;
  auto params = ParseQuery(query);
  if (params.count("user")) out.user = params["user"];
  if (params.count("password")) out.password = params["password"];
  for (char c : out.database) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) {
      Fail(url, "database name has characters outside [A-Za-z0-9_.-]");
    }
  }
}

}  // namespace

std::string DatabaseUrl::Redacted() const { return RedactSecrets(original); }

std::string DatabaseUrl::ScriptDisplay() const { return (user.empty() ? std::string("null") : user) + "@" + Redacted(); }

DatabaseUrl ParseDatabaseUrl(const std::string& url, const std::string& user, const std::string& password) {
  DatabaseUrl out;
  out.original = url;
  std::string rest = url;
  if (rest.rfind("jdbc:", 0) == 0) rest.erase(0, 5);
  if (rest.rfind("offline:", 0) == 0) {
    std::string name = rest.substr(8);
    if (auto q = name.find('?'); q != std::string::npos) {
      // Liquibase's offline parameters: outputLiquibaseSql is honoured, the others (version,
      // productName, caseSensitive, changeLogFile, snapshot, ...) describe a database ledgerhost
      // generates for from its kind alone.
      const auto parameters = ParseQuery(name.substr(q + 1));
      name.erase(q);
      if (const auto it = parameters.find("outputLiquibaseSql"); it != parameters.end()) {
        const std::string value = text::Upper(it->second);
        if (value == "ALL" || value == "TRUE") {
          out.offline_history_table = out.offline_history_rows = true;
        } else if (value == "DATA_ONLY") {
          out.offline_history_table = false;
          out.offline_history_rows = true;
        } else if (value == "NONE" || value == "FALSE") {
          out.offline_history_table = out.offline_history_rows = false;
        } else {
          Fail(url, "outputLiquibaseSql is all, data_only or none, not '" + it->second + "'");
        }
      }
    }
    auto kind = DatabaseKindFromShortName(name);
    if (!kind) Fail(url, "unknown offline database '" + name + "'");
    out.kind = *kind;
    out.offline = true;
  } else if (rest.rfind("sqlite:", 0) == 0) {
    out.kind = DatabaseKind::kSqlite;
    out.path = rest.substr(7);
    if (out.path.empty()) Fail(url, "no SQLite file path");
    // SOCI's sqlite3 connection string is space-separated key=value pairs.
    if (out.path.find_first_of(" \t'\"") != std::string::npos) Fail(url, "the SQLite path may not contain spaces or quotes");
  } else if (rest.rfind("postgresql:", 0) == 0 || rest.rfind("postgres:", 0) == 0) {
    out.kind = DatabaseKind::kPostgresql;
    ParseServerUrl(url, rest.substr(rest.find(':') + 1), out);
  } else if (rest.rfind("mariadb:", 0) == 0 || rest.rfind("mysql:", 0) == 0) {
    out.kind = rest[1] == 'a' ? DatabaseKind::kMariadb : DatabaseKind::kMysql;
    out.port = 3306;
    ParseServerUrl(url, rest.substr(rest.find(':') + 1), out);
  } else {
    Fail(url, "unsupported scheme");
  }
  if (!user.empty()) out.user = user;
  if (!password.empty()) out.password = password;
  return out;
}

}  // namespace ledgerhost::db
