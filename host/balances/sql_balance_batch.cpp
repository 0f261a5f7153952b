#include "balances/sql_balance_batch.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/error.h"

namespace ledgerhost::balances {
namespace {

Amount Number(const std::optional<std::string>& cell) { return cell ? std::stoll(*cell) : 0; }

std::optional<Amount> OptionalNumber(const std::optional<std::string>& cell) {
  if (!cell) return std::nullopt;
  return std::stoll(*cell);
}

std::optional<std::string> TextOrNull(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

// A PostgreSQL array literal of `values`, every element quoted, so that no id can change its shape.
std::string ArrayLiteral(const std::vector<std::optional<std::string>>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if (!values[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (const char c : *values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string ArrayLiteral(const std::vector<std::string>& values) {
  return ArrayLiteral(std::vector<std::optional<std::string>>(values.begin(), values.end()));
}

}  // namespace

SqlBatch::SqlBatch(db::Connection& connection, std::string description)
    : connection_(connection),
      description_(std::move(description)),
      row_at_a_time_(connection.kind() != db::DatabaseKind::kPostgresql),
      lock_rows_(connection.kind() != db::DatabaseKind::kSqlite) {}

std::vector<db::Row> SqlBatch::SelectByKeys(const std::string& select, const std::string& key_column,
                                                   std::vector<std::string> keys, bool lock) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (keys.empty()) return {};
  if (row_at_a_time_) {  // keys sorted: every connection locks rows in the same order
    const std::string sql = select + " WHERE " + key_column + " = " + connection_.Placeholder(1) +
                            (lock && lock_rows_ ? " FOR UPDATE" : "");
    std::vector<db::Row> rows;
    for (const auto& key : keys) {
      for (auto& row : connection_.Query(sql, {key})) rows.push_back(std::move(row));
    }
    return rows;
  }
  return connection_.Query(select + " WHERE " + key_column + " = ANY($1::text[]) ORDER BY " + key_column +
                               (lock ? " FOR UPDATE" : ""),
                           {ArrayLiteral(keys)});
}

template <typename Row>
std::vector<std::string> SqlBatch::Missing(const std::map<std::string, Entry<Row>>& table,
                                           const std::vector<std::string>& keys) {
  std::vector<std::string> missing;
  for (const auto& key : keys) {
    if (!table.count(key)) missing.push_back(key);
  }
  return missing;
}

template <typename Row>
void SqlBatch::Remember(std::map<std::string, Entry<Row>>& table, const std::string& key) {
  auto found = table.find(key);
  if (found == table.end()) {
    undo_.push_back([&table, key] { table.erase(key); });
  } else {
    undo_.push_back([&table, key, saved = found->second] { table[key] = saved; });
  }
}

void SqlBatch::LoadReservations(const std::vector<std::string>& packet_ids) {
  const std::vector<std::string> missing = Missing(reservations_, packet_ids);
  // FOR UPDATE: another process fulfilling or rejecting the same packet waits for this transaction
  // and then sees its outcome, so a packet is never posted or voided twice.
  for (const auto& r : SelectByKeys("SELECT packet_id, account_id, amount, from_prepaid, from_clearing, expires_at, "
                                    "state, destination_id, destination_amount, settlement_key FROM balance_reservations",
                                    "packet_id", missing, true)) {
    ReservationRow row;
    row.account = r[1].value_or("");
    row.reservation = {Number(r[2]), Number(r[3]), Number(r[4])};
    row.expires_at_ms = Number(r[5]);
    row.state = r[6].value_or("");
    row.destination = r[7].value_or("");
    row.destination_amount = Number(r[8]);
    row.settlement_key = r[9].value_or("");
    reservations_[r[0].value_or("")] = {row, true, false};
  }
  for (const auto& id : missing) reservations_.try_emplace(id);  // known not to exist
}

void SqlBatch::LoadSettlements(const std::vector<std::string>& keys) {
  const std::vector<std::string> missing = Missing(settlements_, keys);
  // Locked: a settlement is finished once, even by two processes at the same time.
  for (const auto& r : SelectByKeys("SELECT settlement_key, account_id, amount, state, settled_amount "
                                    "FROM balance_settlements",
                                    "settlement_key", missing, true)) {
    settlements_[r[0].value_or("")] = {SettlementRow{r[1].value_or(""), Number(r[2]), r[3].value_or(""), Number(r[4])},
                                       true, false};
  }
  for (const auto& key : missing) settlements_.try_emplace(key);
}

void SqlBatch::LoadAccounts(const std::vector<std::string>& ids) {
  const std::vector<std::string> missing = Missing(accounts_, ids);
  // Locked in id order, so that batches of several processes never wait on each other in a circle.
  for (const auto& r : SelectByKeys("SELECT account_id, clearing, prepaid, pending, minimum_balance, settle_threshold, "
                                    "settle_to, journal_seq FROM balance_accounts",
                                    "account_id", missing, true)) {
    Account account;
    account.id = r[0].value_or("");
    account.state = {Number(r[1]), Number(r[2]), Number(r[3])};
    account.settings.minimum = OptionalNumber(r[4]);
    account.settings.settle_threshold = OptionalNumber(r[5]);
    account.settings.settle_to = Number(r[6]);
    account.journal_seq = Number(r[7]);
    accounts_[account.id] = {account, true, false};
  }
  for (const auto& id : missing) accounts_.try_emplace(id);
}

void SqlBatch::LoadIncoming(const std::vector<std::string>& keys) {
  const std::vector<std::string> missing = Missing(incoming_, keys);
  // Not locked: the account's lock, taken before, already serialises settlements for the account.
  for (const auto& r : SelectByKeys("SELECT idempotency_key, account_id, amount, clearing_after, prepaid_after, "
                                    "pending_after FROM balance_incoming_settlements",
                                    "idempotency_key", missing, false)) {
    const std::string account = r[1].value_or("");
    incoming_[r[0].value_or("")] = {
        IncomingRow{account, Number(r[2]), AccountBalance{account, Number(r[3]), Number(r[4]), Number(r[5])}}, true,
        false};
  }
  for (const auto& key : missing) incoming_.try_emplace(key);
}

void SqlBatch::Prefetch(const std::vector<const Needs*>& needs) {
  std::vector<std::string> packets, settlements, accounts, incoming;
  for (const Needs* n : needs) {
    packets.insert(packets.end(), n->packets.begin(), n->packets.end());
    settlements.insert(settlements.end(), n->settlements.begin(), n->settlements.end());
    accounts.insert(accounts.end(), n->accounts.begin(), n->accounts.end());
    incoming.insert(incoming.end(), n->incoming.begin(), n->incoming.end());
  }
  LoadReservations(packets);
  LoadSettlements(settlements);
  for (const auto& [id, entry] : reservations_) {
    if (entry.row) accounts.push_back(entry.row->account);
  }
  for (const auto& [key, entry] : settlements_) {
    if (entry.row) accounts.push_back(entry.row->account);
  }
  LoadAccounts(accounts);
  LoadIncoming(incoming);
}

SqlBatch::Account* SqlBatch::FindAccount(const std::string& id) {
  if (!accounts_.count(id)) LoadAccounts({id});
  auto& entry = accounts_.at(id);
  return entry.row ? &*entry.row : nullptr;
}

SqlBatch::Account& SqlBatch::LoadAccount(const std::string& id) {
  Account* account = FindAccount(id);
  if (!account) throw BalanceError("unknown account '" + id + "' (" + description_ + ")");
  return *account;
}

const SqlBatch::ReservationRow* SqlBatch::FindReservation(const std::string& packet_id) {
  if (!reservations_.count(packet_id)) LoadReservations({packet_id});
  const auto& entry = reservations_.at(packet_id);
  return entry.row ? &*entry.row : nullptr;
}

const SqlBatch::SettlementRow* SqlBatch::FindSettlement(const std::string& key) {
  if (!settlements_.count(key)) LoadSettlements({key});
  const auto& entry = settlements_.at(key);
  return entry.row ? &*entry.row : nullptr;
}

const SqlBatch::IncomingRow* SqlBatch::FindIncoming(const std::string& key) {
  if (!incoming_.count(key)) LoadIncoming({key});
  const auto& entry = incoming_.at(key);
  return entry.row ? &*entry.row : nullptr;
}

AccountBalance SqlBatch::Save(Account& account, const AccountState& after, const std::string& operation,
                              const std::string& operation_id) {
  Remember(accounts_, account.id);
  JournalEntry entry;
  entry.account = account.id;
  entry.seq = account.journal_seq + 1;
  entry.operation = operation;
  entry.operation_id = operation_id;
  entry.before = {account.id, account.state.clearing, account.state.prepaid, account.state.pending};
  entry.after = {account.id, after.clearing, after.prepaid, after.pending};
  entry.recorded_at_ms = NowEpochMilliseconds();
  journal_.push_back(entry);
  undo_.push_back([this] { journal_.pop_back(); });
  account.state = after;
  account.journal_seq = entry.seq;
  accounts_.at(account.id).dirty = true;
  return entry.after;
}

void SqlBatch::PutReservation(const std::string& packet_id, const ReservationRow& row) {
  Remember(reservations_, packet_id);
  auto& entry = reservations_[packet_id];
  entry.row = row;
  entry.dirty = true;
}

void SqlBatch::PutSettlement(const std::string& key, const SettlementRow& row) {
  Remember(settlements_, key);
  auto& entry = settlements_[key];
  entry.row = row;
  entry.dirty = true;
}

void SqlBatch::PutIncoming(const std::string& key, const IncomingRow& row) {
  Remember(incoming_, key);
  auto& entry = incoming_[key];
  entry.row = row;
  entry.dirty = true;
}

void SqlBatch::SettingsChanged(const std::string& id, const BalanceSettings& settings) {
  auto found = accounts_.find(id);
  if (found == accounts_.end()) return;  // read fresh when an operation needs it
  if (!found->second.row) {
    accounts_.erase(found);  // it exists now
    return;
  }
  found->second.row->settings = settings;
}

AccountBalance SqlBatch::Answer(const std::string& account, const std::string& operation,
                                const std::string& operation_id) {
  for (auto e = journal_.rbegin(); e != journal_.rend(); ++e) {
    if (e->account == account && e->operation == operation && e->operation_id == operation_id) return e->after;
  }
  const auto rows = connection_.Query(
      "SELECT clearing_after, prepaid_after, pending_after FROM balance_journal WHERE operation_id = " +
          connection_.Placeholder(1) + " AND account_id = " + connection_.Placeholder(2) +
          " AND operation = " + connection_.Placeholder(3),
      {operation_id, account, operation});
  if (rows.empty()) {
    throw BalanceError("account " + account + ": no journal entry for " + operation + " " + operation_id +
                       " although its state says it happened (" + description_ + "); run ledgerhost balances reconcile");
  }
  return AccountBalance{account, Number(rows[0][0]), Number(rows[0][1]), Number(rows[0][2])};
}

void SqlBatch::UndoTo(std::size_t mark) {
  while (undo_.size() > mark) {
    undo_.back()();
    undo_.pop_back();
  }
}

void SqlBatch::Insert(const std::string& table, const std::vector<Column>& columns, const std::vector<Cells>& rows) {
  if (rows.empty()) return;
  std::string names;
  for (std::size_t c = 0; c < columns.size(); ++c) names += std::string(c ? ", " : "") + columns[c].name;
  if (row_at_a_time_) {
    std::string values;
    for (std::size_t c = 0; c < columns.size(); ++c) values += c ? ", NULLIF(?, '')" : "NULLIF(?, '')";
    const std::string sql = "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
    for (const auto& row : rows) {
      std::vector<std::string> params;
      for (const auto& cell : row) params.push_back(cell.value_or(""));
      connection_.Query(sql, params);
    }
    return;
  }
  std::string arrays;
  std::vector<std::string> params;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    arrays += (c ? ", $" : "$") + std::to_string(c + 1) + "::" + columns[c].type + "[]";
    Cells column;
    for (const auto& row : rows) column.push_back(row[c]);
    params.push_back(ArrayLiteral(column));
  }
  connection_.Query("INSERT INTO " + table + " (" + names + ") SELECT * FROM unnest(" + arrays + ")", params);
}

void SqlBatch::Update(const std::string& table, const std::vector<Column>& columns, const std::vector<Cells>& rows) {
  if (rows.empty()) return;
  const std::string key = columns[0].name;
  if (row_at_a_time_) {
    std::string sets;
    for (std::size_t c = 1; c < columns.size(); ++c) sets += std::string(c > 1 ? ", " : "") + columns[c].name + " = NULLIF(?, '')";
    const std::string sql = "UPDATE " + table + " SET " + sets + " WHERE " + key + " = ?";
    for (const auto& row : rows) {
      std::vector<std::string> params;
      for (std::size_t c = 1; c < row.size(); ++c) params.push_back(row[c].value_or(""));
      params.push_back(row[0].value_or(""));
      connection_.Query(sql, params);
    }
    return;
  }
  std::string sets, arrays, names;
  std::vector<std::string> params;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) sets += std::string(c > 1 ? ", " : "") + columns[c].name + " = v." + columns[c].name;
    names += std::string(c ? ", " : "") + columns[c].name;
    arrays += (c ? ", $" : "$") + std::to_string(c + 1) + "::" + columns[c].type + "[]";
    Cells column;
    for (const auto& row : rows) column.push_back(row[c]);
    params.push_back(ArrayLiteral(column));
  }
  connection_.Query("UPDATE " + table + " AS t SET " + sets + " FROM unnest(" + arrays + ") AS v(" + names +
                        ") WHERE t." + key + " = v." + key,
                    params);
}

void SqlBatch::Flush() {
  std::vector<Cells> accounts;
  for (auto& [id, entry] : accounts_) {
    if (!entry.dirty) continue;
    const Account& a = *entry.row;
    accounts.push_back({a.id, std::to_string(a.state.clearing), std::to_string(a.state.prepaid), std::to_string(a.state.pending), std::to_string(a.journal_seq)});
    entry.dirty = false;
  }
  Update("balance_accounts",
         {{"account_id", "text"}, {"clearing", "bigint"}, {"prepaid", "bigint"}, {"pending", "bigint"},
          {"journal_seq", "bigint"}},
         accounts);

  const std::vector<Column> reservation_columns{
      {"packet_id", "text"},       {"account_id", "text"},      {"amount", "bigint"},
      {"from_prepaid", "bigint"},  {"from_clearing", "bigint"}, {"expires_at", "bigint"},
      {"state", "text"},           {"destination_id", "text"},  {"destination_amount", "bigint"},
      {"settlement_key", "text"}};
  std::vector<Cells> new_reservations, changed_reservations;
  for (auto& [packet_id, entry] : reservations_) {
    if (!entry.dirty) continue;
    const ReservationRow& r = *entry.row;
    Cells cells{packet_id,
                r.account,
                std::to_string(r.reservation.amount),
                std::to_string(r.reservation.from_prepaid),
                std::to_string(r.reservation.from_clearing),
                std::to_string(r.expires_at_ms),
                r.state,
                TextOrNull(r.destination),
                r.destination.empty() ? std::nullopt : std::optional<std::string>(std::to_string(r.destination_amount)),
                TextOrNull(r.settlement_key)};
    (entry.stored ? changed_reservations : new_reservations).push_back(std::move(cells));
    entry.stored = true;
    entry.dirty = false;
  }
  Insert("balance_reservations", reservation_columns, new_reservations);
  Update("balance_reservations", reservation_columns, changed_reservations);

  const std::vector<Column> settlement_columns{
      {"settlement_key", "text"}, {"account_id", "text"}, {"amount", "bigint"}, {"state", "text"}, {"settled_amount", "bigint"}};
  std::vector<Cells> new_settlements, changed_settlements;
  for (auto& [key, entry] : settlements_) {
    if (!entry.dirty) continue;
    const SettlementRow& s = *entry.row;
    Cells cells{key, s.account, std::to_string(s.amount), s.state,
                s.state == "pending" ? std::nullopt : std::optional<std::string>(std::to_string(s.settled))};
    (entry.stored ? changed_settlements : new_settlements).push_back(std::move(cells));
    entry.stored = true;
    entry.dirty = false;
  }
  Insert("balance_settlements", settlement_columns, new_settlements);
  Update("balance_settlements", settlement_columns, changed_settlements);

  std::vector<Cells> incoming;
  const std::string now = std::to_string(NowEpochMilliseconds());
  for (auto& [key, entry] : incoming_) {
    if (!entry.dirty) continue;
    const IncomingRow& i = *entry.row;
    incoming.push_back({key, i.account, std::to_string(i.amount), std::to_string(i.after.clearing), std::to_string(i.after.prepaid),
                        std::to_string(i.after.pending), now});
    entry.stored = true;
    entry.dirty = false;
  }
  Insert("balance_incoming_settlements",
         {{"idempotency_key", "text"}, {"account_id", "text"}, {"amount", "bigint"}, {"clearing_after", "bigint"},
          {"prepaid_after", "bigint"}, {"pending_after", "bigint"}, {"received_at", "bigint"}},
         incoming);

  std::vector<Cells> journal;
  for (const auto& e : journal_) {
    journal.push_back({e.account, std::to_string(e.seq), e.operation, e.operation_id, std::to_string(e.before.clearing),
                       std::to_string(e.after.clearing), std::to_string(e.before.prepaid), std::to_string(e.after.prepaid), std::to_string(e.before.pending),
                       std::to_string(e.after.pending), std::to_string(e.recorded_at_ms)});
  }
  Insert("balance_journal",
         {{"account_id", "text"}, {"seq", "bigint"}, {"operation", "text"}, {"operation_id", "text"},
          {"clearing_before", "bigint"}, {"clearing_after", "bigint"}, {"prepaid_before", "bigint"},
          {"prepaid_after", "bigint"}, {"pending_before", "bigint"}, {"pending_after", "bigint"},
          {"recorded_at", "bigint"}},
         journal);
  journal_.clear();
  undo_.clear();  // written: a later refusal in the batch undoes only what came after
}

}  // namespace ledgerhost::balances
