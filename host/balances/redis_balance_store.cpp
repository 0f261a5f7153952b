#include "balances/redis_balance_store.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "balances/balance_rules.h"

namespace ledgerhost::balances {

extern const char* const kRedisFunctions;  // redis_functions.lua, embedded by CMakeLists.txt

namespace {

RedisBalanceStore::Reply Copy(const redisReply* r) {
  RedisBalanceStore::Reply out;
  using Kind = RedisBalanceStore::Reply::Kind;
  switch (r->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
      out.kind = Kind::kString;
      out.text.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ERROR:
      out.kind = Kind::kError;
      out.text.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      out.kind = Kind::kInteger;
      out.integer = r->integer;
      out.text = std::to_string(r->integer);
      break;
    case REDIS_REPLY_ARRAY:
      out.kind = Kind::kArray;
      for (size_t i = 0; i < r->elements; ++i) out.elements.push_back(Copy(r->element[i]));
      break;
    default:
      out.kind = Kind::kNil;
  }
  return out;
}

// hiredis's argument arrays for `args` (which must outlive them); hiredis 0.14 takes them non-const.
struct Argv {
  explicit Argv(const std::vector<std::string>& args) {
    for (const auto& a : args) {
      pointers.push_back(a.c_str());
      lengths.push_back(a.size());
    }
  }
  int count() const { return static_cast<int>(pointers.size()); }
  std::vector<const char*> pointers;
  std::vector<size_t> lengths;
};

Amount Number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::string part;
  for (char c : text) {
    if (c == '|') {
      out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  out.push_back(part);
  return out;
}

AccountBalance Answer(const std::string& account, const std::string& text) {
  const auto parts = Split(text);
  if (parts.size() < 3) throw BalanceStoreUnavailable("account " + account + ": malformed answer '" + text + "' from Redis");
  return {account, Number(parts[0]), Number(parts[1]), Number(parts[2])};
}

}  // namespace

RedisEndpoint ParseRedisUrl(const std::string& url) {
  static const std::regex form(R"(^redis://(?:(?:[^:@/]*):([^@/]*)@)?([^:/@]+)(?::(\d+))?/?$)");
  std::smatch m;
  if (!std::regex_match(url, m, form)) {
    throw BalanceError("balances.url: expected redis://[:password@]host[:port], got a URL that is not one");
  }
  RedisEndpoint endpoint;
  endpoint.password = m[1].str();
  endpoint.host = m[2].str();
  if (m[3].matched) endpoint.port = std::stoi(m[3].str());
  if (const char* password = std::getenv("LEDGERHOST_REDIS_PASSWORD")) endpoint.password = password;
  return endpoint;
}

RedisBalanceStore::RedisBalanceStore(RedisEndpoint endpoint) : endpoint_(std::move(endpoint)) {
  contexts_.assign(kConnections, nullptr);
  try {
    for (auto& context : contexts_) Connect(context);
    LoadFunctions();
  } catch (...) {
    for (auto* context : contexts_) {
      if (context) redisFree(context);  // the destructor does not run for a constructor that throws
    }
    throw;
  }
  for (std::size_t i = 0; i < contexts_.size(); ++i) dispatchers_.emplace_back([this, i] { Dispatch(contexts_[i]); });
}

RedisBalanceStore::~RedisBalanceStore() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& dispatcher : dispatchers_) dispatcher.join();
  for (auto* context : contexts_) {
    if (context) redisFree(context);
  }
}

std::string RedisBalanceStore::Describe() const {
  return "redis://" + endpoint_.host + ":" + std::to_string(endpoint_.port) + " (keys " + endpoint_.prefix + ":*)";
}

void RedisBalanceStore::Connect(redisContext*& context) {
  if (context) redisFree(context);
  const timeval connect_timeout{2, 0};
  context = redisConnectWithTimeout(endpoint_.host.c_str(), endpoint_.port, connect_timeout);
  if (context == nullptr || context->err) {
    const std::string reason = context ? context->errstr : "out of memory";
    if (context) redisFree(context);
    context = nullptr;
    throw BalanceStoreUnavailable(Describe() + ": cannot connect: " + reason);
  }
  // A server that stops answering is an error after this, not a hung node.
  const timeval command_timeout{5, 0};
  redisSetTimeout(context, command_timeout);
  if (!endpoint_.password.empty()) {
    const char* argv[] = {"AUTH", endpoint_.password.c_str()};
    const size_t lengths[] = {4, endpoint_.password.size()};
    auto* raw = static_cast<redisReply*>(redisCommandArgv(context, 2, argv, lengths));
    const bool ok = raw != nullptr && raw->type != REDIS_REPLY_ERROR;
    if (raw) freeReplyObject(raw);
    if (!ok) throw BalanceStoreUnavailable(Describe() + ": authentication failed");  // the password is never echoed
  }
}

void RedisBalanceStore::LoadFunctions() {
  const std::vector<std::string> load{"FUNCTION", "LOAD", "REPLACE", kRedisFunctions};
  const Reply reply = dispatchers_.empty() ? Synchronous(load) : Command(load);
  if (reply.kind == Reply::Kind::kError) {
    throw BalanceStoreUnavailable(Describe() + ": cannot load the balance functions (Redis 7 with Functions is required): " +
                       reply.text);
  }
}

RedisBalanceStore::Reply RedisBalanceStore::Synchronous(const std::vector<std::string>& args) {
  Argv argv(args);
  auto* raw = static_cast<redisReply*>(redisCommandArgv(contexts_[0], argv.count(), argv.pointers.data(), argv.lengths.data()));
  if (raw == nullptr) throw BalanceStoreUnavailable(Describe() + ": " + contexts_[0]->errstr);
  Reply reply = Copy(raw);
  freeReplyObject(raw);
  return reply;
}

RedisBalanceStore::Reply RedisBalanceStore::Command(const std::vector<std::string>& args) {
  return Enqueue(args).get();
}

std::future<RedisBalanceStore::Reply> RedisBalanceStore::Enqueue(const std::vector<std::string>& args) {
  Pending pending;
  pending.args = args;
  std::future<Reply> reply = pending.reply.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) throw BalanceStoreUnavailable(Describe() + ": the balance store is shutting down");
    queue_.push_back(std::move(pending));
  }
  wake_.notify_one();
  return reply;
}

void RedisBalanceStore::Dispatch(redisContext*& context) {
  constexpr std::size_t kMaxPipeline = 512;
  for (;;) {
    std::vector<Pending> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      while (!queue_.empty() && batch.size() < kMaxPipeline) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    SendBatch(batch, context);
  }
}

void RedisBalanceStore::SendBatch(std::vector<Pending>& batch, redisContext*& context) {
  std::size_t answered = 0;
  // A broken connection or a timeout: every command is idempotent, so the unanswered ones are sent
  // again once on a new connection.
  for (int attempt = 0; attempt < 2 && answered < batch.size(); ++attempt) {
    try {
      if (context == nullptr) Connect(context);
      for (std::size_t i = answered; i < batch.size(); ++i) {
        Argv argv(batch[i].args);
        redisAppendCommandArgv(context, argv.count(), argv.pointers.data(), argv.lengths.data());
      }
      for (; answered < batch.size(); ++answered) {
        void* raw = nullptr;
        if (redisGetReply(context, &raw) != REDIS_OK || raw == nullptr) {
          throw BalanceStoreUnavailable(Describe() + ": " + context->errstr);
        }
        Reply reply = Copy(static_cast<redisReply*>(raw));
        freeReplyObject(raw);
        batch[answered].reply.set_value(std::move(reply));
      }
    } catch (const BalanceError& e) {
      if (context) redisFree(context);
      context = nullptr;
      if (attempt == 1) {
        for (std::size_t i = answered; i < batch.size(); ++i) batch[i].reply.set_exception(std::current_exception());
        return;
      }
    }
  }
}

std::vector<std::string> RedisBalanceStore::Keys(const std::string& account) const {
  const std::string base = endpoint_.prefix + ":{" + account + "}:";
  return {base + "acct", base + "res", base + "answers", base + "journal", base + "settle", base + "incoming",
          base + "expiry", base + "posting"};
}

std::string RedisBalanceStore::PacketKey(const std::string& packet_id) const {
  return endpoint_.prefix + ":packet:{" + packet_id + "}";
}

std::vector<std::string> RedisBalanceStore::FcallCommand(const std::string& function, const std::string& account,
                                                         const std::vector<std::string>& args) const {
  std::vector<std::string> command{"FCALL", function};
  const auto keys = Keys(account);
  command.push_back(std::to_string(keys.size()));
  command.insert(command.end(), keys.begin(), keys.end());
  command.push_back(account);
  command.insert(command.end(), args.begin(), args.end());
  return command;
}

RedisBalanceStore::Reply RedisBalanceStore::Call(const std::string& function, const std::string& account,
                                                 std::vector<std::string> args) {
  const auto command = FcallCommand(function, account, args);
  Reply reply = Command(command);
  if (reply.kind == Reply::Kind::kError && reply.text.find("Function not found") != std::string::npos) {
    LoadFunctions();  // FUNCTION FLUSH, a restart without persistence, a failover to a fresh replica
    reply = Command(command);
  }
  if (reply.kind == Reply::Kind::kError) {
    auto message = [&](const char* prefix) { return reply.text.substr(std::string(prefix).size()); };
    if (reply.text.rfind("LH_LIQUIDITY ", 0) == 0) throw InsufficientLiquidity(message("LH_LIQUIDITY "));
    if (reply.text.rfind("LH_RANGE ", 0) == 0) throw AmountOutOfRange(message("LH_RANGE "));
    if (reply.text.rfind("LH_REFUSED ", 0) == 0) throw BalanceError(message("LH_REFUSED ") + " (" + Describe() + ")");
    throw BalanceStoreUnavailable(Describe() + ": " + function + ": " + reply.text);
  }
  return reply;
}

void RedisBalanceStore::ConfigureAccount(const std::string& account, const BalanceSettings& settings) {
  CheckSettings(account, settings);
  CheckId("account id", account);
  Call("lh_configure", account,
       {settings.minimum ? std::to_string(*settings.minimum) : "",
        settings.settle_threshold ? std::to_string(*settings.settle_threshold) : "", std::to_string(settings.settle_to)});
  Command({"SADD", endpoint_.prefix + ":accounts", account});
}

BalanceSettings RedisBalanceStore::Settings(const std::string& account) {
  const Reply r = Command({"HMGET", Keys(account)[0], "seq", "minimum", "threshold", "settle_to"});
  if (r.elements.size() != 4 || r.elements[0].kind == Reply::Kind::kNil) {
    throw BalanceError("unknown account '" + account + "' (" + Describe() + ")");
  }
  BalanceSettings s;
  if (r.elements[1].kind != Reply::Kind::kNil) s.minimum = Number(r.elements[1].text);
  if (r.elements[2].kind != Reply::Kind::kNil) s.settle_threshold = Number(r.elements[2].text);
  s.settle_to = Number(r.elements[3].text);
  return s;
}

AccountBalance RedisBalanceStore::Balance(const std::string& account) {
  const Reply r = Command({"HMGET", Keys(account)[0], "clearing", "prepaid", "pending"});
  if (r.elements.size() != 3 || r.elements[0].kind == Reply::Kind::kNil) {
    throw BalanceError("unknown account '" + account + "' (" + Describe() + ")");
  }
  return {account, Number(r.elements[0].text), Number(r.elements[1].text), Number(r.elements[2].text)};
}

std::vector<std::string> RedisBalanceStore::Accounts() {
  std::vector<std::string> out;
  for (const auto& e : Command({"SMEMBERS", endpoint_.prefix + ":accounts"}).elements) out.push_back(e.text);
  std::sort(out.begin(), out.end());
  return out;
}

std::string RedisBalanceStore::SourceOf(const std::string& packet_id) {
  {
    std::lock_guard<std::mutex> lock(known_mutex_);
    const auto found = sources_.find(packet_id);
    if (found != sources_.end()) return found->second;
  }
  const Reply r = Command({"GET", PacketKey(packet_id)});
  return r.kind == Reply::Kind::kString ? r.text : "";
}

void RedisBalanceStore::ForgetSource(const std::string& packet_id) {
  std::lock_guard<std::mutex> lock(known_mutex_);
  sources_.erase(packet_id);
}

void RedisBalanceStore::RequireAccount(const std::string& account) {
  {
    std::lock_guard<std::mutex> lock(known_mutex_);
    if (known_accounts_.count(account)) return;
  }
  Balance(account);  // throws for an unknown account
  std::lock_guard<std::mutex> lock(known_mutex_);
  known_accounts_.insert(account);
}

AccountBalance RedisBalanceStore::Prepare(const PrepareRequest& request) {
  CheckId("packet id", request.packet_id);
  RequireAccount(request.account);  // an unknown account is refused before the packet is claimed for it
  // The packet's source account, so that fulfill and reject (which name only the packet) find it.
  const Reply claimed = Command({"SET", PacketKey(request.packet_id), request.account, "NX"});
  if (claimed.kind == Reply::Kind::kNil) {
    const std::string source = SourceOf(request.packet_id);
    if (source != request.account) {
      throw BalanceError("packet " + request.packet_id + " was prepared before on account " + source);
    }
  }
  const auto expires =
      EpochMilliseconds(request.expires_at);
  const AccountBalance answer =
      Answer(request.account, Call("lh_prepare", request.account,
                                   {request.packet_id, std::to_string(request.amount), std::to_string(expires),
                                    std::to_string(NowEpochMilliseconds())})
                                  .text);
  std::lock_guard<std::mutex> lock(known_mutex_);
  if (sources_.size() < kMaxRememberedSources) sources_.emplace(request.packet_id, request.account);
  return answer;
}

FulfillResult RedisBalanceStore::Fulfill(const std::string& packet_id, const std::string& destination, Amount amount) {
  const std::string source = SourceOf(packet_id);
  if (source.empty()) throw BalanceError("fulfill of unknown packet " + packet_id);
  const std::string amount_text = std::to_string(amount);
  // The destination's refusals (unknown account, out of range) come before the source posts.
  Call("lh_credit_check", destination, {packet_id, amount_text});
  Call("lh_post", source, {packet_id, destination, amount_text, std::to_string(NowEpochMilliseconds())});
  Reply credit;
  try {
    credit = Call("lh_credit", destination, {packet_id, amount_text, std::to_string(NowEpochMilliseconds())});
  } catch (const AmountOutOfRange&) {
    Call("lh_unpost", source, {packet_id, std::to_string(NowEpochMilliseconds())});  // a concurrent credit got there first
    throw;
  }
  // Not waited for: until it lands, the packet is "posted", which answers like "fulfilled", and the
  // sweeper finishes it should this process stop first.
  Enqueue(FcallCommand("lh_posted_done", source, {packet_id}));
  ForgetSource(packet_id);
  FulfillResult result;
  result.destination = Answer(destination, credit.elements.at(0).text);
  if (!credit.elements.at(1).text.empty()) {
    result.settlement = SettlementIntent{credit.elements[1].text, destination, Number(credit.elements[2].text)};
  }
  return result;
}

AccountBalance RedisBalanceStore::Reject(const std::string& packet_id) {
  const std::string source = SourceOf(packet_id);
  if (source.empty()) throw BalanceError("reject of unknown packet " + packet_id);
  const AccountBalance answer = Answer(source, Call("lh_reject", source, {packet_id, std::to_string(NowEpochMilliseconds())}).text);
  ForgetSource(packet_id);
  return answer;
}

AccountBalance RedisBalanceStore::IncomingSettlement(const std::string& key, const std::string& account, Amount amount) {
  CheckId("settlement idempotency key", key);
  const std::string index = endpoint_.prefix + ":incoming:{" + key + "}";
  const Reply claimed = Command({"SET", index, account, "NX"});
  if (claimed.kind == Reply::Kind::kNil) {
    const std::string owner = Command({"GET", index}).text;
    if (owner != account) {
      throw BalanceError("incoming settlement " + key + " was recorded before for account " + owner);
    }
  }
  return Answer(account, Call("lh_incoming", account, {key, std::to_string(amount), std::to_string(NowEpochMilliseconds())}).text);
}

void RedisBalanceStore::FinishPostedFulfills(const std::string& account) {
  for (const auto& packet : Command({"SMEMBERS", Keys(account)[7]}).elements) {
    const Reply entry = Command({"HGET", Keys(account)[1], packet.text});
    const auto r = Split(entry.text);
    if (r.size() < 7 || r[4] != "posted") continue;
    try {
      Call("lh_credit", r[5], {packet.text, r[6], std::to_string(NowEpochMilliseconds())});
    } catch (const AmountOutOfRange&) {
      Call("lh_unpost", account, {packet.text, std::to_string(NowEpochMilliseconds())});
      continue;
    }
    Call("lh_posted_done", account, {packet.text});
  }
}

std::vector<std::string> RedisBalanceStore::ExpirePrepares(std::chrono::system_clock::time_point now, int limit) {
  const auto now_ms = EpochMilliseconds(now);
  std::vector<std::string> expired;
  for (const auto& account : Accounts()) {
    FinishPostedFulfills(account);
    const Reply due = Call("lh_expire", account, {std::to_string(now_ms), std::to_string(limit)});
    for (const auto& e : due.elements) {
      expired.push_back(e.text);
      ForgetSource(e.text);
    }
    if (static_cast<int>(expired.size()) >= limit) break;
  }
  return expired;
}

std::vector<SettlementIntent> RedisBalanceStore::UnfinishedSettlements() {
  std::vector<SettlementIntent> out;
  for (const auto& account : Accounts()) {
    const Reply all = Command({"HGETALL", Keys(account)[4]});
    for (size_t i = 0; i + 1 < all.elements.size(); i += 2) {
      const auto r = Split(all.elements[i + 1].text);
      if (r.size() >= 2 && r[1] == "pending") out.push_back({all.elements[i].text, account, Number(r[0])});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

void RedisBalanceStore::FinishSettlement(const std::string& key, Amount settled) {
  for (const auto& account : Accounts()) {
    if (Command({"HEXISTS", Keys(account)[4], key}).integer == 1) {
      Call("lh_finish_settlement", account, {key, std::to_string(settled), std::to_string(NowEpochMilliseconds())});
      return;
    }
  }
  throw BalanceError("unknown settlement " + key);
}

std::vector<JournalEntry> RedisBalanceStore::Journal(const std::string& account) {
  std::vector<JournalEntry> out;
  for (const auto& e : Command({"LRANGE", Keys(account)[3], "0", "-1"}).elements) {
    const auto p = Split(e.text);
    if (p.size() < 10) throw BalanceError("account " + account + ": malformed journal entry '" + e.text + "'");
    JournalEntry entry;
    entry.account = account;
    entry.seq = Number(p[0]);
    entry.operation = p[1];
    entry.operation_id = p[2];
    entry.before = {account, Number(p[3]), Number(p[5]), Number(p[7])};
    entry.after = {account, Number(p[4]), Number(p[6]), Number(p[8])};
    entry.recorded_at_ms = Number(p[9]);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace ledgerhost::balances
