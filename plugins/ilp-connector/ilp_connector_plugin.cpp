// The Interledger connector's persistence as a ledgerhost plugin (docs/balances.md): the Java
// connector's real changelog (ORIGIN.md) as the migrations of ConnectorPersistenceSchemaV1, and a
// service that gives every account of its ACCOUNT_SETTINGS table to the node's balance tracker with
// the account's minimum balance, settle threshold and settle-to, as the Java connector's balance
// tracker reads them.
//
// node.yaml, `plugins.config.ilp-connector`:
//   seedAccounts: N   when ACCOUNT_SETTINGS is empty, first insert N accounts ilp-0 .. ilp-(N-1)
//                     (a demo and test convenience; a connector creates accounts through its API)
//   seedMinimum, seedSettleThreshold, seedSettleTo: their balance settings (default -1000000, 10000, 0)
#include <ledgerhost/plugin.h>
#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace {

constexpr const char* kFamily = "org.interledger.connector.persistence.ConnectorPersistenceSchema";

std::optional<ledgerhost::Amount> OptionalAmount(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return row.get<long long>(column);
}

long long Setting(ledgerhost::ServiceHub& hub, const std::string& key, long long fallback) {
  const std::string value = hub.Config(key);
  if (value.empty()) return fallback;
  try {
    std::size_t used = 0;
    const long long parsed = std::stoll(value, &used);
    if (used == value.size()) return parsed;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument("plugins.config.ilp-connector." + key + ": '" + value + "' is not an integer");
}

class AccountSettingsService : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override {
    const std::string table = hub.TableName(kFamily, 1, "ACCOUNT_SETTINGS");
    ledgerhost::SessionLease sql = hub.Session();
    const long long seed = Setting(hub, "seedAccounts", 0);
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM " << table, soci::into(existing);
    if (seed > 0 && existing == 0) {
      const long long minimum = Setting(hub, "seedMinimum", -1000000);
      const long long threshold = Setting(hub, "seedSettleThreshold", 10000);
      const long long settle_to = Setting(hub, "seedSettleTo", 0);
      for (long long i = 0; i < seed; ++i) {
        const std::string id = "ilp-" + std::to_string(i);
        sql << "INSERT INTO " << table
            << " (ACCOUNT_ID, CREATED_DTTM, MODIFIED_DTTM, VERSION, ACCOUNT_RELATIONSHIP, LINK_TYPE, ASSET_CODE,"
               " ASSET_SCALE, MIN_BALANCE, SETTLE_THRESHOLD, SETTLE_TO)"
               " VALUES (:id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1, 'ILP_OVER_HTTP', 'USD', 2, :minimum, :threshold, :settle_to)",
            soci::use(id), soci::use(minimum), soci::use(threshold), soci::use(settle_to);
      }
      hub.Log(ledgerhost::LogLevel::kInfo, "seeded " + std::to_string(seed) + " account(s) in ACCOUNT_SETTINGS");
    }

    // The Java connector's meanings: no MIN_BALANCE, no minimum; no SETTLE_THRESHOLD, never settle;
    // no SETTLE_TO, settle to 0.
    ledgerhost::BalanceTracker& balances = hub.Balances();
    long long configured = 0;
    soci::rowset<soci::row> rows =
        (sql->prepare << "SELECT ACCOUNT_ID, MIN_BALANCE, SETTLE_THRESHOLD, SETTLE_TO FROM " << table << " ORDER BY ACCOUNT_ID");
    for (const soci::row& row : rows) {
      const std::string account = row.get<std::string>(0);
      ledgerhost::BalanceSettings settings{OptionalAmount(row, 1), OptionalAmount(row, 2),
                                           OptionalAmount(row, 3).value_or(0)};
      try {
        balances.ConfigureAccount(account, settings);
      } catch (const ledgerhost::BalanceError& e) {
        throw std::runtime_error("ACCOUNT_SETTINGS row of account '" + account + "': " + e.what());
      }
      ++configured;
    }
    hub.Log(ledgerhost::LogLevel::kInfo,
            "balance tracker: " + std::to_string(configured) + " ILP account(s) configured from ACCOUNT_SETTINGS");
  }
};

}  // namespace

LEDGERHOST_PLUGIN("ilp-connector", "0.5.1") {
  plugin.AddSchema(ledgerhost::MappedSchema(kFamily, 1, "ConnectorPersistenceSchemaV1")
                       .AddEntity({"ACCOUNT_SETTINGS",
                                   {{"ACCOUNT_ID", "VARCHAR", false, false, 64},
                                    {"MIN_BALANCE", "BIGINT", true, false, 0},
                                    {"SETTLE_THRESHOLD", "BIGINT", true, false, 0},
                                    {"SETTLE_TO", "BIGINT", true, false, 0}},
                                   ""}));
  plugin.AddService<AccountSettingsService>("ilp-account-settings");
}
