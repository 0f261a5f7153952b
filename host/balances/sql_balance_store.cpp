#include "balances/sql_balance_store.h"

#include <algorithm>

#include "core/error.h"

namespace ledgerhost::balances {
namespace {

constexpr std::size_t kMaxBatch = 256;
// PostgreSQL may pick a batch's transaction as a deadlock victim (another process locked the same
// accounts in another order): the batch is run again, as nothing of it was committed.
constexpr int kBatchAttempts = 5;

long long NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Amount Number(const std::optional<std::string>& cell) { return cell ? std::stoll(*cell) : 0; }

std::optional<Amount> OptionalNumber(const std::optional<std::string>& cell) {
  if (!cell) return std::nullopt;
  return std::stoll(*cell);
}

std::string Text(Amount value) { return std::to_string(value); }

AccountBalance BalanceOf(const std::string& account, const AccountState& state) {
  return {account, state.clearing, state.prepaid, state.pending};
}

}  // namespace

SqlBalanceStore::SqlBalanceStore(std::unique_ptr<migration::Connection> connection)
    : connection_(std::move(connection)),
      description_(connection_->description()),
      sqlite_(connection_->kind() == migration::DatabaseKind::kSqlite),
      max_batch_(kMaxBatch) {
  if (sqlite_) {
    // Durable by default: every commit is on disk when the caller gets its answer.
    connection_->Execute("PRAGMA journal_mode = WAL");
    connection_->Execute("PRAGMA synchronous = FULL");
  } else {
    connection_->Execute("SET synchronous_commit = on");
  }
  worker_ = std::thread([this] { Worker(); });
}

SqlBalanceStore::~SqlBalanceStore() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

template <typename Result>
Result SqlBalanceStore::Run(std::function<Result()> op) {
  auto result = std::make_shared<std::optional<Result>>();
  Job job;
  job.body = [op = std::move(op), result] { result->emplace(op()); };
  std::future<void> done = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) throw BalanceError(description_ + ": the balance store is shutting down");
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  done.get();
  return std::move(**result);
}

void SqlBalanceStore::Worker() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch);
  }
}

void SqlBalanceStore::RunBatch(std::vector<Job>& batch) {
  std::vector<std::exception_ptr> refused(batch.size());
  for (int attempt = 1;; ++attempt) {
    std::fill(refused.begin(), refused.end(), nullptr);
    try {
      RunBatchOnce(batch, refused);
      break;
    } catch (const std::exception& e) {
      connection_->Rollback();
      const bool deadlock = std::string(e.what()).find("deadlock detected") != std::string::npos ||
                            std::string(e.what()).find("could not serialize") != std::string::npos;
      if (deadlock && attempt < kBatchAttempts) continue;
      // Nothing of the batch was written: every caller learns it and may retry.
      const auto failure = std::make_exception_ptr(BalanceError(description_ + ": balance store error: " + e.what()));
      for (auto& job : batch) job.done.set_exception(failure);
      return;
    }
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (refused[i]) {
      batch[i].done.set_exception(refused[i]);
    } else {
      batch[i].done.set_value();
    }
  }
}

void SqlBalanceStore::RunBatchOnce(std::vector<Job>& batch, std::vector<std::exception_ptr>& refused) {
  {
    connection_->Begin();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      connection_->Execute("SAVEPOINT balance_operation");
      try {
        batch[i].body();
        connection_->Execute("RELEASE SAVEPOINT balance_operation");
      } catch (const BalanceError&) {
        // A refusal: undo whatever the operation did, keep the others of the batch.
        refused[i] = std::current_exception();
        connection_->Execute("ROLLBACK TO SAVEPOINT balance_operation");
        connection_->Execute("RELEASE SAVEPOINT balance_operation");
      }
    }
    connection_->Commit();
  }
}

std::string SqlBalanceStore::P(int n) const { return sqlite_ ? "?" : "$" + std::to_string(n); }

std::optional<SqlBalanceStore::Account> SqlBalanceStore::FindAccount(const std::string& account, bool lock) {
  const auto rows = connection_->Query(
      "SELECT clearing, prepaid, pending, minimum_balance, settle_threshold, settle_to, journal_seq "
      "FROM balance_accounts WHERE account_id = " + P(1) + (lock && !sqlite_ ? " FOR UPDATE" : ""),
      {account});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  Account out;
  out.id = account;
  out.state = {Number(r[0]), Number(r[1]), Number(r[2])};
  out.settings.minimum = OptionalNumber(r[3]);
  out.settings.settle_threshold = OptionalNumber(r[4]);
  out.settings.settle_to = Number(r[5]);
  out.journal_seq = Number(r[6]);
  return out;
}

SqlBalanceStore::Account SqlBalanceStore::LoadAccount(const std::string& account, bool lock) {
  auto found = FindAccount(account, lock);
  if (!found) throw BalanceError("unknown account '" + account + "' (" + description_ + ")");
  return *found;
}

AccountBalance SqlBalanceStore::Save(Account& account, const AccountState& after, const std::string& operation,
                                     const std::string& operation_id) {
  const long long seq = account.journal_seq + 1;
  connection_->Query("INSERT INTO balance_journal (account_id, seq, operation, operation_id, clearing_before, "
                     "clearing_after, prepaid_before, prepaid_after, pending_before, pending_after, recorded_at) "
                     "VALUES (" + P(1) + ", " + P(2) + ", " + P(3) + ", " + P(4) + ", " + P(5) + ", " + P(6) + ", " +
                         P(7) + ", " + P(8) + ", " + P(9) + ", " + P(10) + ", " + P(11) + ")",
                     {account.id, std::to_string(seq), operation, operation_id, Text(account.state.clearing),
                      Text(after.clearing), Text(account.state.prepaid), Text(after.prepaid),
                      Text(account.state.pending), Text(after.pending), std::to_string(NowMs())});
  connection_->Query("UPDATE balance_accounts SET clearing = " + P(1) + ", prepaid = " + P(2) + ", pending = " + P(3) +
                         ", journal_seq = " + P(4) + " WHERE account_id = " + P(5),
                     {Text(after.clearing), Text(after.prepaid), Text(after.pending), std::to_string(seq), account.id});
  account.state = after;
  account.journal_seq = seq;
  return BalanceOf(account.id, after);
}

AccountBalance SqlBalanceStore::Answer(const std::string& account, const std::string& operation,
                                       const std::string& operation_id) {
  const auto rows = connection_->Query("SELECT clearing_after, prepaid_after, pending_after FROM balance_journal "
                                       "WHERE operation_id = " + P(1) + " AND account_id = " + P(2) +
                                           " AND operation = " + P(3),
                                       {operation_id, account, operation});
  if (rows.empty()) {
    throw BalanceError("account " + account + ": no journal entry for " + operation + " " + operation_id +
                       " although its state says it happened (" + description_ + "); run ledgerhost balances reconcile");
  }
  return AccountBalance{account, Number(rows[0][0]), Number(rows[0][1]), Number(rows[0][2])};
}

std::optional<SqlBalanceStore::ReservationRow> SqlBalanceStore::FindReservation(const std::string& packet_id) {
  // FOR UPDATE on PostgreSQL: another process fulfilling or rejecting the same packet waits for this
  // transaction and then sees its outcome, so a packet is never posted or voided twice.
  const auto rows = connection_->Query(
      "SELECT account_id, amount, from_prepaid, from_clearing, expires_at, state, destination_id, destination_amount, "
      "settlement_key FROM balance_reservations WHERE packet_id = " + P(1) + (sqlite_ ? "" : " FOR UPDATE"),
      {packet_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  ReservationRow out;
  out.account = r[0].value_or("");
  out.reservation = {Number(r[1]), Number(r[2]), Number(r[3])};
  out.expires_at_ms = Number(r[4]);
  out.state = r[5].value_or("");
  out.destination = r[6].value_or("");
  out.destination_amount = Number(r[7]);
  out.settlement_key = r[8].value_or("");
  return out;
}

void SqlBalanceStore::ConfigureAccount(const std::string& account, const BalanceSettings& settings) {
  CheckSettings(account, settings);
  CheckId("account id", account);
  Run<bool>([&] {
    const std::string minimum = settings.minimum ? Text(*settings.minimum) : "";
    const std::string threshold = settings.settle_threshold ? Text(*settings.settle_threshold) : "";
    // Several processes may configure the same new account at once: insert if missing, then set.
    // Empty text binds as NULL through NULLIF, so one statement shape serves both.
    connection_->Query("INSERT INTO balance_accounts (account_id, clearing, prepaid, pending, settle_to, journal_seq) "
                       "VALUES (" + P(1) + ", 0, 0, 0, 0, 0) ON CONFLICT (account_id) DO NOTHING",
                       {account});
    connection_->Query("UPDATE balance_accounts SET minimum_balance = CAST(NULLIF(" + P(1) + ", '') AS BIGINT), "
                       "settle_threshold = CAST(NULLIF(" + P(2) + ", '') AS BIGINT), settle_to = " + P(3) +
                           " WHERE account_id = " + P(4),
                       {minimum, threshold, Text(settings.settle_to), account});
    return true;
  });
}

BalanceSettings SqlBalanceStore::Settings(const std::string& account) {
  return Run<BalanceSettings>([&] { return LoadAccount(account, false).settings; });
}

AccountBalance SqlBalanceStore::Balance(const std::string& account) {
  return Run<AccountBalance>([&] { return BalanceOf(account, LoadAccount(account, false).state); });
}

std::vector<std::string> SqlBalanceStore::Accounts() {
  return Run<std::vector<std::string>>([&] {
    std::vector<std::string> out;
    for (const auto& row : connection_->Query("SELECT account_id FROM balance_accounts ORDER BY account_id")) {
      out.push_back(row[0].value_or(""));
    }
    return out;
  });
}

AccountBalance SqlBalanceStore::Prepare(const PrepareRequest& request) {
  CheckId("packet id", request.packet_id);
  return Run<AccountBalance>([&] {
    auto answer_existing = [&](const ReservationRow& existing) {
      if (existing.account != request.account || existing.reservation.amount != request.amount) {
        throw BalanceError("packet " + request.packet_id + " was prepared before on account " + existing.account +
                           " for " + Text(existing.reservation.amount));
      }
      return Answer(request.account, "prepare", request.packet_id);
    };
    if (auto existing = FindReservation(request.packet_id)) return answer_existing(*existing);
    Account account = LoadAccount(request.account, true);
    const PrepareOutcome outcome = ApplyPrepare(account.id, account.state, request.amount, account.settings.minimum);
    const long long expires =
        std::chrono::duration_cast<std::chrono::milliseconds>(request.expires_at.time_since_epoch()).count();
    // Another process may have prepared the same packet meanwhile: then its answer (or a refusal).
    const auto inserted = connection_->Query(
        "INSERT INTO balance_reservations (packet_id, account_id, amount, from_prepaid, from_clearing, expires_at, "
        "state) VALUES (" + P(1) + ", " + P(2) + ", " + P(3) + ", " + P(4) + ", " + P(5) + ", " + P(6) +
            ", 'pending') ON CONFLICT (packet_id) DO NOTHING RETURNING packet_id",
        {request.packet_id, account.id, Text(request.amount), Text(outcome.reservation.from_prepaid),
         Text(outcome.reservation.from_clearing), std::to_string(expires)});
    if (inserted.empty()) return answer_existing(*FindReservation(request.packet_id));
    return Save(account, outcome.state, "prepare", request.packet_id);
  });
}

FulfillResult SqlBalanceStore::Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) {
  return Run<FulfillResult>([&] {
    auto row = FindReservation(packet_id);
    if (!row) throw BalanceError("fulfill of unknown packet " + packet_id);
    if (row->state == "fulfilled") {
      if (row->destination != destination || row->destination_amount != amount) {
        throw BalanceError("packet " + packet_id + " was fulfilled before to " + row->destination + " for " +
                           Text(row->destination_amount));
      }
      FulfillResult again;
      again.destination = Answer(destination, "fulfill", packet_id);
      if (!row->settlement_key.empty()) {
        const auto s = connection_->Query("SELECT account_id, amount FROM balance_settlements WHERE settlement_key = " + P(1),
                                          {row->settlement_key});
        if (!s.empty()) again.settlement = SettlementIntent{row->settlement_key, s[0][0].value_or(""), Number(s[0][1])};
      }
      return again;
    }
    if (row->state != "pending") throw BalanceError("fulfill of packet " + packet_id + " after it was " + row->state);
    if (amount < 0) throw AmountOutOfRange("fulfill of packet " + packet_id + ": amount " + Text(amount) + " is negative");
    // Accounts in id order, so that concurrent operations on PostgreSQL never wait on each other in a circle.
    std::optional<Account> source, target;
    if (row->account <= destination) {
      source = LoadAccount(row->account, true);
      target = row->account == destination ? std::nullopt : std::optional<Account>(LoadAccount(destination, true));
    } else {
      target = LoadAccount(destination, true);
      source = LoadAccount(row->account, true);
    }
    Save(*source, ApplyPost(source->id, source->state, row->reservation), "post", packet_id);
    Account& credited = target ? *target : *source;
    const CreditOutcome credit = ApplyFulfillCredit(credited.id, credited.state, amount, credited.settings);
    FulfillResult result;
    result.destination = Save(credited, credit.state, "fulfill", packet_id);
    std::string key;
    if (credit.settle_amount > 0) {
      key = "settle:" + packet_id;
      connection_->Query("INSERT INTO balance_settlements (settlement_key, account_id, amount, state) VALUES (" + P(1) +
                             ", " + P(2) + ", " + P(3) + ", 'pending')",
                         {key, credited.id, Text(credit.settle_amount)});
      result.settlement = SettlementIntent{key, credited.id, credit.settle_amount};
    }
    connection_->Query("UPDATE balance_reservations SET state = 'fulfilled', destination_id = " + P(1) +
                           ", destination_amount = " + P(2) + ", settlement_key = NULLIF(" + P(3) +
                           ", '') WHERE packet_id = " + P(4),
                       {destination, Text(amount), key, packet_id});
    return result;
  });
}

AccountBalance SqlBalanceStore::VoidReservation(const std::string& packet_id, const ReservationRow& row,
                                                const std::string& operation) {
  Account account = LoadAccount(row.account, true);
  const AccountBalance after = Save(account, ApplyVoid(account.id, account.state, row.reservation), operation, packet_id);
  connection_->Query("UPDATE balance_reservations SET state = " + P(1) + " WHERE packet_id = " + P(2),
                     {operation == "reject" ? "rejected" : "expired", packet_id});
  return after;
}

AccountBalance SqlBalanceStore::Reject(const std::string& packet_id) {
  return Run<AccountBalance>([&] {
    auto row = FindReservation(packet_id);
    if (!row) throw BalanceError("reject of unknown packet " + packet_id);
    if (row->state == "rejected") return Answer(row->account, "reject", packet_id);
    if (row->state == "expired") return Answer(row->account, "expire", packet_id);
    if (row->state != "pending") throw BalanceError("reject of packet " + packet_id + " after it was " + row->state);
    return VoidReservation(packet_id, *row, "reject");
  });
}

AccountBalance SqlBalanceStore::IncomingSettlement(const std::string& key, const std::string& account, Amount amount) {
  CheckId("settlement idempotency key", key);
  return Run<AccountBalance>([&] {
    // The account first: a concurrent call with the same key waits here and then finds its answer.
    Account target = LoadAccount(account, true);
    const auto seen = connection_->Query("SELECT account_id, amount, clearing_after, prepaid_after, pending_after FROM "
                                         "balance_incoming_settlements WHERE idempotency_key = " + P(1),
                                         {key});
    if (!seen.empty()) {
      const auto& r = seen[0];
      if (r[0].value_or("") != account || Number(r[1]) != amount) {
        throw BalanceError("incoming settlement " + key + " was recorded before for account " + r[0].value_or("") +
                           " and amount " + r[1].value_or(""));
      }
      return AccountBalance{account, Number(r[2]), Number(r[3]), Number(r[4])};
    }
    const AccountBalance after = Save(target, ApplyIncomingSettlement(account, target.state, amount),
                                      "incoming_settlement", key);
    connection_->Query("INSERT INTO balance_incoming_settlements (idempotency_key, account_id, amount, clearing_after, "
                       "prepaid_after, pending_after, received_at) VALUES (" + P(1) + ", " + P(2) + ", " + P(3) + ", " +
                           P(4) + ", " + P(5) + ", " + P(6) + ", " + P(7) + ")",
                       {key, account, Text(amount), Text(after.clearing), Text(after.prepaid), Text(after.pending),
                        std::to_string(NowMs())});
    return after;
  });
}

std::vector<std::string> SqlBalanceStore::ExpirePrepares(std::chrono::system_clock::time_point now, int limit) {
  const long long now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return Run<std::vector<std::string>>([&] {
    std::vector<std::string> expired;
    const auto rows = connection_->Query("SELECT packet_id FROM balance_reservations WHERE state = 'pending' AND "
                                         "expires_at < " + P(1) + " ORDER BY expires_at LIMIT " + std::to_string(limit),
                                         {std::to_string(now_ms)});
    for (const auto& r : rows) {
      const std::string packet_id = r[0].value_or("");
      auto row = FindReservation(packet_id);
      if (!row || row->state != "pending") continue;
      VoidReservation(packet_id, *row, "expire");
      expired.push_back(packet_id);
    }
    return expired;
  });
}

std::vector<SettlementIntent> SqlBalanceStore::UnfinishedSettlements() {
  return Run<std::vector<SettlementIntent>>([&] {
    std::vector<SettlementIntent> out;
    for (const auto& r : connection_->Query("SELECT settlement_key, account_id, amount FROM balance_settlements WHERE "
                                            "state = 'pending' ORDER BY settlement_key")) {
      out.push_back({r[0].value_or(""), r[1].value_or(""), Number(r[2])});
    }
    return out;
  });
}

void SqlBalanceStore::FinishSettlement(const std::string& key, Amount settled) {
  Run<bool>([&] {
    const auto rows = connection_->Query(
        "SELECT account_id, amount, state FROM balance_settlements WHERE settlement_key = " + P(1) +
            (sqlite_ ? "" : " FOR UPDATE"),  // finished once, even by two processes at the same time
        {key});
    if (rows.empty()) throw BalanceError("unknown settlement " + key);
    if (rows[0][2].value_or("") != "pending") return true;  // finished before: the answer was recorded then
    const Amount amount = Number(rows[0][1]);
    if (settled < 0 || settled > amount) {
      throw AmountOutOfRange("settlement " + key + ": the engine settled " + Text(settled) + " of " + Text(amount));
    }
    if (settled < amount) {
      Account account = LoadAccount(rows[0][0].value_or(""), true);
      Save(account, ApplySettlementCredit(account.id, account.state, amount - settled), "settlement_credit", key);
    }
    connection_->Query("UPDATE balance_settlements SET state = 'settled', settled_amount = " + P(1) +
                           " WHERE settlement_key = " + P(2),
                       {Text(settled), key});
    return true;
  });
}

std::vector<JournalEntry> SqlBalanceStore::Journal(const std::string& account) {
  return Run<std::vector<JournalEntry>>([&] {
    std::vector<JournalEntry> out;
    for (const auto& r : connection_->Query(
             "SELECT seq, operation, operation_id, clearing_before, clearing_after, prepaid_before, prepaid_after, "
             "pending_before, pending_after, recorded_at FROM balance_journal WHERE account_id = " + P(1) + " ORDER BY seq",
             {account})) {
      JournalEntry e;
      e.account = account;
      e.seq = Number(r[0]);
      e.operation = r[1].value_or("");
      e.operation_id = r[2].value_or("");
      e.before = {account, Number(r[3]), Number(r[5]), Number(r[7])};
      e.after = {account, Number(r[4]), Number(r[6]), Number(r[8])};
      e.recorded_at_ms = Number(r[9]);
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace ledgerhost::balances
