#include "balances/sql_balance_store.h"

#include <algorithm>

#include "core/error.h"
#include "core/logging.h"
#include "db/transaction.h"

namespace ledgerhost::balances {
namespace {

constexpr std::size_t kMaxBatch = 256;
// Another process's batch may take the same rows: the server then picks one transaction as a deadlock
// victim, or refuses the second insert of the same new packet or key. Nothing of the losing batch was
// committed; it runs again and sees the winner's rows.
constexpr int kBatchAttempts = 5;

bool LostARace(const std::string& message) {
  for (const char* race : {"deadlock detected", "could not serialize", "duplicate key value",  // PostgreSQL
                           "Deadlock found when trying to get lock", "Duplicate entry"}) {     // MySQL/MariaDB
    if (message.find(race) != std::string::npos) return true;
  }
  return false;
}

AccountBalance BalanceOf(const std::string& account, const AccountState& state) {
  return {account, state.clearing, state.prepaid, state.pending};
}

}  // namespace

SqlBalanceStore::SqlBalanceStore(std::unique_ptr<db::Connection> connection, Opener reopen)
    : connection_(std::move(connection)),
      reopen_(std::move(reopen)),
      description_(connection_->description()),
      sqlite_(connection_->kind() == db::DatabaseKind::kSqlite),
      max_batch_(kMaxBatch) {
  ConfigureSession();
  worker_ = std::thread([this] { Worker(); });
}

void SqlBalanceStore::ConfigureSession() {
  if (sqlite_) {
    // Durable by default: every commit is on disk when the caller gets its answer.
    connection_->Execute("PRAGMA journal_mode = WAL");
    connection_->Execute("PRAGMA synchronous = FULL");
    return;
  }
  if (connection_->kind() != db::DatabaseKind::kPostgresql) {
    // MySQL/MariaDB: PostgreSQL's isolation (REPEATABLE READ's gap locks on keys not there yet would
    // deadlock concurrent reservations), and a lock wait behind another process ends as an error.
    connection_->Execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    connection_->Execute("SET SESSION innodb_lock_wait_timeout = 30");
    // MariaDB's statement_timeout (MySQL has none for writes; its read_timeout is the connection's).
    if (connection_->kind() == db::DatabaseKind::kMariadb) connection_->Execute("SET SESSION max_statement_time = 30");
    return;
  }
  connection_->Execute("SET synchronous_commit = on");
  // A server that stops answering is an error for the callers, not a hang: no batch statement of
  // a healthy server takes this long, lock waits behind other processes included.
  connection_->Execute("SET statement_timeout = '30s'");
  // A batch's arrays are small next to the tables: joining them by index (nested loop) beats the
  // hash join over the whole table that the planner picks for a few dozen elements.
  connection_->Execute("SET enable_hashjoin = off");
  connection_->Execute("SET enable_mergejoin = off");
}

bool SqlBalanceStore::Reconnected() {
  if (!reopen_) return false;
  try {
    connection_->QueryScalar("SELECT 1");
    return false;  // alive: the failure was the batch's own
  } catch (const std::exception&) {
  }
  try {
    auto fresh = reopen_();
    connection_ = std::move(fresh);
    ConfigureSession();
    Logger("balances")->warn("{}: the connection was lost; reconnected", description_);
    return true;
  } catch (const std::exception& e) {
    Logger("balances")->error("{}: the connection was lost and reconnecting failed: {}", description_, e.what());
    return false;
  }
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
Result SqlBalanceStore::Run(SqlBatch::Needs needs, std::function<Result(SqlBatch&)> op, bool direct) {
  auto result = std::make_shared<std::optional<Result>>();
  Job job;
  job.needs = std::move(needs);
  job.direct = direct;
  job.body = [op = std::move(op), result](SqlBatch& batch) { result->emplace(op(batch)); };
  std::future<void> done = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) throw BalanceStoreUnavailable(description_ + ": the balance store is shutting down");
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
      // The batch's transaction was rolled back on the way out of RunBatchOnce.
      if (LostARace(e.what()) && attempt < kBatchAttempts) continue;
      if (attempt < kBatchAttempts && Reconnected()) continue;
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
  db::Transaction transaction(*connection_);
  SqlBatch rows(*connection_, description_);
  std::vector<const SqlBatch::Needs*> needs;
  for (const auto& job : batch) needs.push_back(&job.needs);
  rows.Prefetch(needs);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].direct) rows.Flush();
    const auto mark = rows.Mark();
    try {
      batch[i].body(rows);
    } catch (const BalanceError&) {
      // A refusal: undo whatever the operation changed, keep the others of the batch. (Direct jobs
      // refuse before they write.)
      refused[i] = std::current_exception();
      rows.UndoTo(mark);
    }
  }
  rows.Flush();
  transaction.Commit();
}

std::string SqlBalanceStore::P(int n) const { return connection_->Placeholder(n); }

void SqlBalanceStore::ConfigureAccount(const std::string& account, const BalanceSettings& settings) {
  CheckSettings(account, settings);
  CheckId("account id", account);
  Run<bool>({}, [&](SqlBatch& rows) {
    const std::string minimum = settings.minimum ? std::to_string(*settings.minimum) : "";
    const std::string threshold = settings.settle_threshold ? std::to_string(*settings.settle_threshold) : "";
    // Several processes may configure the same new account at once: insert if missing, then set.
    // Empty text binds as NULL through NULLIF, so one statement shape serves both.
    connection_->InsertUnlessDuplicate(
        "INSERT INTO balance_accounts (account_id, clearing, prepaid, pending, settle_to, journal_seq) VALUES (" + P(1) +
            ", 0, 0, 0, 0, 0)",
        {account}, "account_id");
    // MySQL casts to SIGNED, not BIGINT; it converts the text itself.
    const bool mysql = connection_->kind() == db::DatabaseKind::kMariadb || connection_->kind() == db::DatabaseKind::kMysql;
    const auto number = [&](int n) { return mysql ? "NULLIF(" + P(n) + ", '')" : "CAST(NULLIF(" + P(n) + ", '') AS BIGINT)"; };
    connection_->Query("UPDATE balance_accounts SET minimum_balance = " + number(1) + ", settle_threshold = " + number(2) +
                           ", settle_to = " + P(3) + " WHERE account_id = " + P(4),
                       {minimum, threshold, std::to_string(settings.settle_to), account});
    rows.SettingsChanged(account, settings);
    return true;
  }, true);
}

BalanceSettings SqlBalanceStore::Settings(const std::string& account) {
  return Run<BalanceSettings>({.accounts = {account}}, [&](SqlBatch& rows) { return rows.LoadAccount(account).settings; });
}

AccountBalance SqlBalanceStore::Balance(const std::string& account) {
  return Run<AccountBalance>({.accounts = {account}},
                             [&](SqlBatch& rows) { return BalanceOf(account, rows.LoadAccount(account).state); });
}

std::vector<std::string> SqlBalanceStore::Accounts() {
  return Run<std::vector<std::string>>({}, [&](SqlBatch&) {
    std::vector<std::string> out;
    for (const auto& row : connection_->Query("SELECT account_id FROM balance_accounts ORDER BY account_id")) {
      out.push_back(row[0].value_or(""));
    }
    return out;
  }, true);
}

AccountBalance SqlBalanceStore::Prepare(const PrepareRequest& request) {
  CheckId("packet id", request.packet_id);
  return Run<AccountBalance>({.accounts = {request.account}, .packets = {request.packet_id}}, [&](SqlBatch& rows) {
    if (const auto* existing = rows.FindReservation(request.packet_id)) {
      if (existing->account != request.account || existing->reservation.amount != request.amount) {
        throw BalanceError("packet " + request.packet_id + " was prepared before on account " + existing->account +
                           " for " + std::to_string(existing->reservation.amount));
      }
      return rows.Answer(request.account, "prepare", request.packet_id);
    }
    auto& account = rows.LoadAccount(request.account);
    const PrepareOutcome outcome = ApplyPrepare(account.id, account.state, request.amount, account.settings.minimum);
    SqlBatch::ReservationRow reservation;
    reservation.account = account.id;
    reservation.reservation = outcome.reservation;
    reservation.expires_at_ms =
        EpochMilliseconds(request.expires_at);
    reservation.state = "pending";
    rows.PutReservation(request.packet_id, reservation);
    return rows.Save(account, outcome.state, "prepare", request.packet_id);
  });
}

FulfillResult SqlBalanceStore::Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) {
  return Run<FulfillResult>({.accounts = {destination}, .packets = {packet_id}}, [&](SqlBatch& rows) {
    const auto* found = rows.FindReservation(packet_id);
    if (!found) throw BalanceError("fulfill of unknown packet " + packet_id);
    SqlBatch::ReservationRow row = *found;
    if (row.state == "fulfilled") {
      if (row.destination != destination || row.destination_amount != amount) {
        throw BalanceError("packet " + packet_id + " was fulfilled before to " + row.destination + " for " +
                           std::to_string(row.destination_amount));
      }
      FulfillResult again;
      again.destination = rows.Answer(destination, "fulfill", packet_id);
      if (!row.settlement_key.empty()) {
        if (const auto* s = rows.FindSettlement(row.settlement_key)) {
          again.settlement = SettlementIntent{row.settlement_key, s->account, s->amount};
        }
      }
      return again;
    }
    if (row.state != "pending") throw BalanceError("fulfill of packet " + packet_id + " after it was " + row.state);
    if (amount < 0) throw AmountOutOfRange("fulfill of packet " + packet_id + ": amount " + std::to_string(amount) + " is negative");
    auto& credited = rows.LoadAccount(destination);
    auto& source = rows.LoadAccount(row.account);
    rows.Save(source, ApplyPost(source.id, source.state, row.reservation), "post", packet_id);
    const CreditOutcome credit = ApplyFulfillCredit(credited.id, credited.state, amount, credited.settings);
    FulfillResult result;
    result.destination = rows.Save(credited, credit.state, "fulfill", packet_id);
    row.state = "fulfilled";
    row.destination = destination;
    row.destination_amount = amount;
    if (credit.settle_amount > 0) {
      row.settlement_key = "settle:" + packet_id;
      rows.PutSettlement(row.settlement_key, {credited.id, credit.settle_amount, "pending", 0});
      result.settlement = SettlementIntent{row.settlement_key, credited.id, credit.settle_amount};
    }
    rows.PutReservation(packet_id, row);
    return result;
  });
}

AccountBalance SqlBalanceStore::VoidReservation(SqlBatch& rows, const std::string& packet_id,
                                                const std::string& operation) {
  SqlBatch::ReservationRow row = *rows.FindReservation(packet_id);
  auto& account = rows.LoadAccount(row.account);
  const AccountBalance after = rows.Save(account, ApplyVoid(account.id, account.state, row.reservation), operation, packet_id);
  row.state = operation == "reject" ? "rejected" : "expired";
  rows.PutReservation(packet_id, row);
  return after;
}

AccountBalance SqlBalanceStore::Reject(const std::string& packet_id) {
  return Run<AccountBalance>({.packets = {packet_id}}, [&](SqlBatch& rows) {
    const auto* row = rows.FindReservation(packet_id);
    if (!row) throw BalanceError("reject of unknown packet " + packet_id);
    if (row->state == "rejected") return rows.Answer(row->account, "reject", packet_id);
    if (row->state == "expired") return rows.Answer(row->account, "expire", packet_id);
    if (row->state != "pending") throw BalanceError("reject of packet " + packet_id + " after it was " + row->state);
    return VoidReservation(rows, packet_id, "reject");
  });
}

AccountBalance SqlBalanceStore::IncomingSettlement(const std::string& key, const std::string& account, Amount amount) {
  CheckId("settlement idempotency key", key);
  return Run<AccountBalance>({.accounts = {account}, .incoming = {key}}, [&](SqlBatch& rows) {
    // The account first (locked by Prefetch): a concurrent call with the same key waits for it and
    // then finds its answer.
    auto& target = rows.LoadAccount(account);
    if (const auto* seen = rows.FindIncoming(key)) {
      if (seen->account != account || seen->amount != amount) {
        throw BalanceError("incoming settlement " + key + " was recorded before for account " + seen->account +
                           " and amount " + std::to_string(seen->amount));
      }
      return seen->after;
    }
    const AccountBalance after =
        rows.Save(target, ApplyIncomingSettlement(account, target.state, amount), "incoming_settlement", key);
    rows.PutIncoming(key, {account, amount, after});
    return after;
  });
}

std::vector<std::string> SqlBalanceStore::ExpirePrepares(std::chrono::system_clock::time_point now, int limit) {
  const long long now_ms = EpochMilliseconds(now);
  return Run<std::vector<std::string>>({}, [&](SqlBatch& rows) {
    std::vector<std::string> expired;
    const auto due = connection_->Query("SELECT packet_id FROM balance_reservations WHERE state = 'pending' AND "
                                        "expires_at < " + P(1) + " ORDER BY expires_at LIMIT " + std::to_string(limit),
                                        {std::to_string(now_ms)});
    for (const auto& r : due) {
      const std::string packet_id = r[0].value_or("");
      const auto* row = rows.FindReservation(packet_id);  // locked now: another process may have finished it
      if (!row || row->state != "pending") continue;
      VoidReservation(rows, packet_id, "expire");
      expired.push_back(packet_id);
    }
    return expired;
  }, true);
}

std::vector<SettlementIntent> SqlBalanceStore::UnfinishedSettlements() {
  return Run<std::vector<SettlementIntent>>({}, [&](SqlBatch&) {
    std::vector<SettlementIntent> out;
    for (const auto& r : connection_->Query("SELECT settlement_key, account_id, amount FROM balance_settlements WHERE "
                                            "state = 'pending' ORDER BY settlement_key")) {
      out.push_back({r[0].value_or(""), r[1].value_or(""), std::stoll(r[2].value_or("0"))});
    }
    return out;
  }, true);
}

void SqlBalanceStore::FinishSettlement(const std::string& key, Amount settled) {
  Run<bool>({.settlements = {key}}, [&](SqlBatch& rows) {
    const auto* found = rows.FindSettlement(key);
    if (!found) throw BalanceError("unknown settlement " + key);
    if (found->state != "pending") return true;  // finished before: the answer was recorded then
    SqlBatch::SettlementRow settlement = *found;
    if (settled < 0 || settled > settlement.amount) {
      throw AmountOutOfRange("settlement " + key + ": the engine settled " + std::to_string(settled) + " of " +
                             std::to_string(settlement.amount));
    }
    if (settled < settlement.amount) {
      auto& account = rows.LoadAccount(settlement.account);
      rows.Save(account, ApplySettlementCredit(account.id, account.state, settlement.amount - settled),
                "settlement_credit", key);
    }
    settlement.state = "settled";
    settlement.settled = settled;
    rows.PutSettlement(key, settlement);
    return true;
  });
}

std::vector<JournalEntry> SqlBalanceStore::Journal(const std::string& account) {
  return Run<std::vector<JournalEntry>>({}, [&](SqlBatch&) {
    std::vector<JournalEntry> out;
    auto number = [](const std::optional<std::string>& cell) { return cell ? std::stoll(*cell) : 0LL; };
    for (const auto& r : connection_->Query(
             "SELECT seq, operation, operation_id, clearing_before, clearing_after, prepaid_before, prepaid_after, "
             "pending_before, pending_after, recorded_at FROM balance_journal WHERE account_id = " + P(1) + " ORDER BY seq",
             {account})) {
      JournalEntry e;
      e.account = account;
      e.seq = number(r[0]);
      e.operation = r[1].value_or("");
      e.operation_id = r[2].value_or("");
      e.before = {account, number(r[3]), number(r[5]), number(r[7])};
      e.after = {account, number(r[4]), number(r[6]), number(r[8])};
      e.recorded_at_ms = number(r[9]);
      out.push_back(std::move(e));
    }
    return out;
  }, true);
}

}  // namespace ledgerhost::balances
