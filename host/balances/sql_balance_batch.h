// The rows one group-commit transaction of the SQL balance store works on (sql_balance_store.h).
// They are read once, before the batch's operations run, in a fixed order (reservations, settlements,
// accounts, each sorted by key) and FOR UPDATE on PostgreSQL, so that processes sharing the database
// wait for each other instead of deadlocking; the operations then change them in memory, and just
// before the commit they are written back in one statement per table (PostgreSQL: arrays through
// unnest; SQLite: one prepared row at a time, in-process). An operation that is refused has its
// in-memory changes undone, so it leaves nothing to write.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "balances/balance_rules.h"
#include "balances/balance_store.h"
#include "db/connection.h"

namespace ledgerhost::balances {

class SqlBatch {
 public:
  struct Account {
    std::string id;
    AccountState state;
    BalanceSettings settings;
    long long journal_seq = 0;
  };
  struct ReservationRow {
    std::string account;
    Reservation reservation;
    long long expires_at_ms = 0;
    std::string state;  // pending | fulfilled | rejected | expired
    std::string destination;
    Amount destination_amount = 0;
    std::string settlement_key;
  };
  struct SettlementRow {
    std::string account;
    Amount amount = 0;
    std::string state;  // pending | settled
    Amount settled = 0;
  };
  struct IncomingRow {
    std::string account;
    Amount amount = 0;
    AccountBalance after;
  };
  // What an operation will touch, read up front in one statement per table.
  struct Needs {
    std::vector<std::string> accounts{};
    std::vector<std::string> packets{};
    std::vector<std::string> settlements{};
    std::vector<std::string> incoming{};
  };

  SqlBatch(db::Connection& connection, std::string description);

  // Reads every row the operations named (and the accounts their reservations and settlements name).
  void Prefetch(const std::vector<const Needs*>& needs);

  // Rows by key; read on first use when no Prefetch named them. nullptr: there is no such row.
  Account* FindAccount(const std::string& id);
  Account& LoadAccount(const std::string& id);  // BalanceError for an unknown account
  const ReservationRow* FindReservation(const std::string& packet_id);
  const SettlementRow* FindSettlement(const std::string& key);
  const IncomingRow* FindIncoming(const std::string& key);

  // Changes, written at Flush. Save sets the account's balance with its journal entry and returns it.
  AccountBalance Save(Account& account, const AccountState& after, const std::string& operation,
                      const std::string& operation_id);
  void PutReservation(const std::string& packet_id, const ReservationRow& row);
  void PutSettlement(const std::string& key, const SettlementRow& row);
  void PutIncoming(const std::string& key, const IncomingRow& row);
  // The account's settings were written to its row directly (ConfigureAccount): keep the copy true.
  void SettingsChanged(const std::string& id, const BalanceSettings& settings);

  // The answer a first call gave: its journal entry's after-state (written or still in memory).
  AccountBalance Answer(const std::string& account, const std::string& operation, const std::string& operation_id);

  // Undo everything changed since Mark(): a refused operation leaves no trace.
  std::size_t Mark() const { return undo_.size(); }
  void UndoTo(std::size_t mark);

  // Writes the changes so far (and forgets them); the caller commits.
  void Flush();

 private:
  template <typename Row>
  struct Entry {
    std::optional<Row> row;  // nullopt: no such row in the database (yet)
    bool stored = false;     // the row exists in the database: UPDATE, not INSERT
    bool dirty = false;
  };
  using Cells = std::vector<std::optional<std::string>>;
  struct Column {
    const char* name;
    const char* type;  // PostgreSQL array element type
  };

  // Rows of `select` (whose first column is the key) for `keys`, sorted and locked on PostgreSQL.
  std::vector<db::Row> SelectByKeys(const std::string& select, const std::string& key_column,
                                           std::vector<std::string> keys, bool lock);
  void LoadReservations(const std::vector<std::string>& packet_ids);
  void LoadSettlements(const std::vector<std::string>& keys);
  void LoadAccounts(const std::vector<std::string>& ids);
  void LoadIncoming(const std::vector<std::string>& keys);
  void Insert(const std::string& table, const std::vector<Column>& columns, const std::vector<Cells>& rows);
  // `columns[0]` is the key the rows are matched by.
  void Update(const std::string& table, const std::vector<Column>& columns, const std::vector<Cells>& rows);
  template <typename Row>
  void Remember(std::map<std::string, Entry<Row>>& table, const std::string& key);
  // The keys `table` has not read yet.
  template <typename Row>
  static std::vector<std::string> Missing(const std::map<std::string, Entry<Row>>& table,
                                          const std::vector<std::string>& keys);

  db::Connection& connection_;
  const std::string description_;
  // PostgreSQL takes a batch's rows as arrays (unnest, = ANY); SQLite and MySQL/MariaDB a row at a time.
  const bool row_at_a_time_;
  // A server's other connections write concurrently: rows read to change are locked (FOR UPDATE, in
  // key order). SQLite's write transaction already excludes every other writer.
  const bool lock_rows_;
  std::map<std::string, Entry<Account>> accounts_;
  std::map<std::string, Entry<ReservationRow>> reservations_;
  std::map<std::string, Entry<SettlementRow>> settlements_;
  std::map<std::string, Entry<IncomingRow>> incoming_;
  std::vector<JournalEntry> journal_;  // not written yet
  std::vector<std::function<void()>> undo_;
};

}  // namespace ledgerhost::balances
