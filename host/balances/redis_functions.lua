#!lua name=ledgerhost_balances_v1
-- The balance tracker's Redis Functions (docs/balances.md): balance_rules.cpp's rules, one function
-- per operation. Every key belongs to one account and carries its hash tag, and every key is passed
-- in KEYS, so the same code runs on Redis Cluster:
--   KEYS[1] acct     HASH  clearing prepaid pending seq [minimum] [threshold] settle_to
--   KEYS[2] res      HASH  packet -> amount|from_prepaid|from_clearing|expires_ms|state|destination|destination_amount
--   KEYS[3] answers  HASH  operation:id -> clearing|prepaid|pending (a retry's answer)
--   KEYS[4] journal  LIST  seq|operation|id|c0|c1|p0|p1|q0|q1|recorded_ms
--   KEYS[5] settle   HASH  key -> amount|state|settled
--   KEYS[6] incoming HASH  key -> amount
--   KEYS[7] expiry   ZSET  pending packet by expires_ms
--   KEYS[8] posting  SET   packets posted here whose destination credit is not confirmed yet
-- Numbers are decimal strings and all arithmetic is exact in 64 bits: Lua numbers are doubles,
-- exact only below 2^53, so only operands of at most 15 digits (sums below 2 * 10^15) are added as
-- Lua numbers, the fast path; longer ones go digit by digit.

local function parse(s)
  s = tostring(s)
  if not string.match(s, '^%-?%d+$') then return nil end
  local negative = string.sub(s, 1, 1) == '-'
  local digits = negative and string.sub(s, 2) or s
  digits = string.gsub(digits, '^0+', '')
  if digits == '' then return {neg = false, d = '0'} end
  return {neg = negative, d = digits}
end

local function cmp_abs(a, b)
  if #a ~= #b then return (#a < #b) and -1 or 1 end
  if a == b then return 0 end
  return (a < b) and -1 or 1
end

local function add_abs(a, b)
  if #a <= 15 and #b <= 15 then return string.format('%.0f', tonumber(a) + tonumber(b)) end
  local out, carry, i, j = {}, 0, #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local x = (i > 0) and (string.byte(a, i) - 48) or 0
    local y = (j > 0) and (string.byte(b, j) - 48) or 0
    local s = x + y + carry
    table.insert(out, 1, string.char(48 + s % 10))
    carry = (s >= 10) and 1 or 0
    i, j = i - 1, j - 1
  end
  return table.concat(out)
end

local function sub_abs(a, b)  -- a >= b
  if #a <= 15 then return string.format('%.0f', tonumber(a) - tonumber(b)) end
  local out, borrow, i, j = {}, 0, #a, #b
  while i > 0 do
    local x = string.byte(a, i) - 48 - borrow
    local y = (j > 0) and (string.byte(b, j) - 48) or 0
    if x < y then x, borrow = x + 10, 1 else borrow = 0 end
    table.insert(out, 1, string.char(48 + x - y))
    i, j = i - 1, j - 1
  end
  local s = string.gsub(table.concat(out), '^0+', '')
  if s == '' then return '0' end
  return s
end

local function add(x, y)
  if x.neg == y.neg then
    local d = add_abs(x.d, y.d)
    return {neg = x.neg and d ~= '0', d = d}
  end
  local c = cmp_abs(x.d, y.d)
  if c == 0 then return {neg = false, d = '0'} end
  if c > 0 then return {neg = x.neg, d = sub_abs(x.d, y.d)} end
  return {neg = y.neg, d = sub_abs(y.d, x.d)}
end

local function negate(x)
  if x.d == '0' then return x end
  return {neg = not x.neg, d = x.d}
end

local function sub(x, y) return add(x, negate(y)) end

local function cmp(x, y)
  if x.neg ~= y.neg then return x.neg and -1 or 1 end
  local c = cmp_abs(x.d, y.d)
  return x.neg and -c or c
end

local function str(x) return (x.neg and '-' or '') .. x.d end

local ZERO = {neg = false, d = '0'}
-- Literal: the library's top level runs before Lua's own functions (tostring, ...) are reachable.
local MAX = {neg = false, d = '9223372036854775807'}
local MIN = {neg = true, d = '9223372036854775808'}

local function fail(kind, message) return redis.error_reply('LH_' .. kind .. ' ' .. message) end

-- Errors travel as Lua errors inside the functions and become replies at the boundary.
local function refuse(kind, message) error({refusal = true, kind = kind, message = message}) end

local function checked(account, x)
  if cmp(x, MIN) < 0 or cmp(x, MAX) > 0 then
    refuse('RANGE', 'account ' .. account .. ': ' .. str(x) .. ' leaves the signed 64-bit range')
  end
  return x
end

local function amount_arg(account, s)
  local x = parse(s)
  if not x then refuse('REFUSED', 'account ' .. account .. ': ' .. tostring(s) .. ' is not an integer') end
  checked(account, x)
  if x.neg then refuse('RANGE', 'account ' .. account .. ': amount ' .. str(x) .. ' is negative') end
  return x
end

local function load_account(keys, account)
  local v = redis.call('HMGET', keys[1], 'clearing', 'prepaid', 'pending', 'seq', 'minimum', 'threshold', 'settle_to')
  if not v[1] then refuse('REFUSED', "unknown account '" .. account .. "'") end
  return {
    clearing = parse(v[1]), prepaid = parse(v[2]), pending = parse(v[3]), seq = parse(v[4]),
    minimum = v[5] and parse(v[5]) or nil, threshold = v[6] and parse(v[6]) or nil, settle_to = parse(v[7]),
  }
end

local function state_text(a) return str(a.clearing) .. '|' .. str(a.prepaid) .. '|' .. str(a.pending) end

-- Net = clearing + prepaid must stay representable, as in balance_rules.cpp.
local function check_state(account, a)
  checked(account, a.clearing); checked(account, a.prepaid); checked(account, a.pending)
  checked(account, add(a.clearing, a.prepaid))
end

local function save(keys, account, before, after, operation, id, now_ms)
  check_state(account, after)
  local seq = add(before.seq, parse('1'))
  redis.call('RPUSH', keys[4], table.concat({str(seq), operation, id, str(before.clearing), str(after.clearing),
    str(before.prepaid), str(after.prepaid), str(before.pending), str(after.pending), now_ms}, '|'))
  redis.call('HSET', keys[1], 'clearing', str(after.clearing), 'prepaid', str(after.prepaid),
    'pending', str(after.pending), 'seq', str(seq))
  local answer = state_text(after)
  redis.call('HSET', keys[3], operation .. ':' .. id, answer)
  return answer
end

local function copy(a)
  return {clearing = a.clearing, prepaid = a.prepaid, pending = a.pending, seq = a.seq,
          minimum = a.minimum, threshold = a.threshold, settle_to = a.settle_to}
end

local function split(s)
  local out = {}
  for part in string.gmatch(s .. '|', '([^|]*)|') do table.insert(out, part) end
  return out
end

local function protect(body)
  return function(keys, args)
    local ok, result = pcall(body, keys, args)
    if ok then return result end
    if type(result) == 'table' and result.refusal then return fail(result.kind, result.message) end
    error(result)
  end
end

-- ARGV: account, minimum ('' = none), threshold ('' = none), settle_to
redis.register_function('lh_configure', protect(function(keys, args)
  local account = args[1]
  redis.call('HSETNX', keys[1], 'clearing', '0')
  redis.call('HSETNX', keys[1], 'prepaid', '0')
  redis.call('HSETNX', keys[1], 'pending', '0')
  redis.call('HSETNX', keys[1], 'seq', '0')
  for i, field in ipairs({'minimum', 'threshold'}) do
    if args[i + 1] == '' then redis.call('HDEL', keys[1], field)
    else redis.call('HSET', keys[1], field, str(checked(account, parse(args[i + 1]) or refuse('REFUSED', 'bad number')))) end
  end
  redis.call('HSET', keys[1], 'settle_to', str(checked(account, parse(args[4]) or refuse('REFUSED', 'bad number'))))
  return 'OK'
end))

-- ARGV: account, packet, amount, expires_ms, now_ms
redis.register_function('lh_prepare', protect(function(keys, args)
  local account, packet = args[1], args[2]
  local existing = redis.call('HGET', keys[2], packet)
  if existing then
    local r = split(existing)
    if r[1] ~= str(parse(args[3]) or ZERO) then
      refuse('REFUSED', 'packet ' .. packet .. ' was prepared before on account ' .. account .. ' for ' .. r[1])
    end
    return redis.call('HGET', keys[3], 'prepare:' .. packet)
  end
  local amount = amount_arg(account, args[3])
  local a = load_account(keys, account)
  local net_after = checked(account, sub(checked(account, add(a.clearing, a.prepaid)), amount))
  if a.minimum and cmp(net_after, a.minimum) < 0 then
    refuse('LIQUIDITY', 'account ' .. account .. ': a prepare of ' .. str(amount) .. ' would bring the net balance to '
      .. str(net_after) .. ', under its minimum ' .. str(a.minimum))
  end
  local available = a.prepaid.neg and ZERO or a.prepaid
  local from_prepaid = (cmp(available, amount) < 0) and available or amount
  local from_clearing = sub(amount, from_prepaid)
  local b = copy(a)
  b.prepaid = sub(a.prepaid, from_prepaid)
  b.clearing = checked(account, sub(a.clearing, from_clearing))
  b.pending = checked(account, add(a.pending, amount))
  redis.call('HSET', keys[2], packet, table.concat({str(amount), str(from_prepaid), str(from_clearing), args[4], 'pending', '', ''}, '|'))
  redis.call('ZADD', keys[7], args[4], packet)
  return save(keys, account, a, b, 'prepare', packet, args[5])
end))

local function void(keys, account, packet, r, operation, now_ms)
  local a = load_account(keys, account)
  local b = copy(a)
  b.prepaid = add(a.prepaid, parse(r[2]))
  b.clearing = add(a.clearing, parse(r[3]))
  b.pending = sub(a.pending, parse(r[1]))
  r[5] = (operation == 'reject') and 'rejected' or 'expired'
  redis.call('HSET', keys[2], packet, table.concat(r, '|'))
  redis.call('ZREM', keys[7], packet)
  return save(keys, account, a, b, operation, packet, now_ms)
end

-- Source side of a fulfill. ARGV: account, packet, destination, destination_amount, now_ms
redis.register_function('lh_post', protect(function(keys, args)
  local account, packet = args[1], args[2]
  local existing = redis.call('HGET', keys[2], packet)
  if not existing then refuse('REFUSED', 'fulfill of unknown packet ' .. packet) end
  local r = split(existing)
  if r[5] == 'posted' or r[5] == 'fulfilled' then
    if r[6] ~= args[3] or r[7] ~= args[4] then
      refuse('REFUSED', 'packet ' .. packet .. ' was fulfilled before to ' .. r[6] .. ' for ' .. r[7])
    end
    return r[5]
  end
  if r[5] ~= 'pending' then refuse('REFUSED', 'fulfill of packet ' .. packet .. ' after it was ' .. r[5]) end
  amount_arg(account, args[4])
  local a = load_account(keys, account)
  local b = copy(a)
  b.pending = sub(a.pending, parse(r[1]))
  r[5], r[6], r[7] = 'posted', args[3], args[4]
  redis.call('HSET', keys[2], packet, table.concat(r, '|'))
  redis.call('ZREM', keys[7], packet)
  redis.call('SADD', keys[8], packet)
  save(keys, account, a, b, 'post', packet, args[5])
  return 'posted'
end))

-- After the destination's credit: the fulfill is complete. ARGV: packet
redis.register_function('lh_posted_done', protect(function(keys, args)
  local existing = redis.call('HGET', keys[2], args[1])
  if not existing then return 0 end
  local r = split(existing)
  if r[5] == 'posted' then
    r[5] = 'fulfilled'
    redis.call('HSET', keys[2], args[1], table.concat(r, '|'))
  end
  redis.call('SREM', keys[8], args[1])
  return 1
end))

-- What a fulfill's credit does to the destination: its state before and after, and the amount to
-- settle; refuses as the credit itself would.
local function credit_outcome(keys, account, amount)
  local a = load_account(keys, account)
  local b = copy(a)
  b.clearing = checked(account, add(a.clearing, amount))
  checked(account, add(b.clearing, b.prepaid))
  local settle = ZERO
  if a.threshold and cmp(b.clearing, a.threshold) >= 0 then
    settle = checked(account, sub(b.clearing, a.settle_to))
    if cmp(settle, ZERO) > 0 then b.clearing = a.settle_to else settle = ZERO end
  end
  check_state(account, b)
  return a, b, settle
end

-- Before the source posts: would the destination take the credit? Writes nothing.
-- ARGV: account, packet, amount
redis.register_function('lh_credit_check', protect(function(keys, args)
  if redis.call('HGET', keys[3], 'fulfill:' .. args[2]) then return 'OK' end
  credit_outcome(keys, args[1], amount_arg(args[1], args[3]))
  return 'OK'
end))

-- Destination side of a fulfill. ARGV: account, packet, amount, now_ms -> {answer, settle_key, settle_amount}
redis.register_function('lh_credit', protect(function(keys, args)
  local account, packet = args[1], args[2]
  local previous = redis.call('HGET', keys[3], 'fulfill:' .. packet)
  local key = 'settle:' .. packet
  if previous then
    local s = redis.call('HGET', keys[5], key)
    return {previous, s and key or '', s and split(s)[1] or '0'}
  end
  local a, b, settle = credit_outcome(keys, account, amount_arg(account, args[3]))
  local answer = save(keys, account, a, b, 'fulfill', packet, args[4])
  if cmp(settle, ZERO) > 0 then
    redis.call('HSET', keys[5], key, str(settle) .. '|pending|')
    return {answer, key, str(settle)}
  end
  return {answer, '', '0'}
end))

-- The destination refused the credit after the source posted (a concurrent credit took it past 64
-- bits after lh_credit_check): the packet is pending again, as if the fulfill had not been tried.
-- ARGV: account, packet, now_ms
redis.register_function('lh_unpost', protect(function(keys, args)
  local account, packet = args[1], args[2]
  local existing = redis.call('HGET', keys[2], packet)
  if not existing then return 0 end
  local r = split(existing)
  if r[5] ~= 'posted' then return 0 end
  local a = load_account(keys, account)
  local b = copy(a)
  b.pending = add(a.pending, parse(r[1]))
  r[5], r[6], r[7] = 'pending', '', ''
  redis.call('HSET', keys[2], packet, table.concat(r, '|'))
  redis.call('ZADD', keys[7], r[4], packet)
  redis.call('SREM', keys[8], packet)
  save(keys, account, a, b, 'unpost', packet, args[3])
  return 1
end))

-- ARGV: account, packet, now_ms
redis.register_function('lh_reject', protect(function(keys, args)
  local account, packet = args[1], args[2]
  local existing = redis.call('HGET', keys[2], packet)
  if not existing then refuse('REFUSED', 'reject of unknown packet ' .. packet) end
  local r = split(existing)
  if r[5] == 'rejected' then return redis.call('HGET', keys[3], 'reject:' .. packet) end
  if r[5] == 'expired' then return redis.call('HGET', keys[3], 'expire:' .. packet) end
  if r[5] ~= 'pending' then refuse('REFUSED', 'reject of packet ' .. packet .. ' after it was ' .. r[5]) end
  return void(keys, account, packet, r, 'reject', args[3])
end))

-- ARGV: account, now_ms, limit -> expired packet ids
redis.register_function('lh_expire', protect(function(keys, args)
  local due = redis.call('ZRANGEBYSCORE', keys[7], '-inf', '(' .. args[2], 'LIMIT', 0, tonumber(args[3]))
  for _, packet in ipairs(due) do
    local r = split(redis.call('HGET', keys[2], packet))
    if r[5] == 'pending' then void(keys, args[1], packet, r, 'expire', args[2]) else redis.call('ZREM', keys[7], packet) end
  end
  return due
end))

-- ARGV: account, key, amount, now_ms
redis.register_function('lh_incoming', protect(function(keys, args)
  local account, key = args[1], args[2]
  local seen = redis.call('HGET', keys[6], key)
  if seen then
    if seen ~= str(parse(args[3]) or ZERO) then
      refuse('REFUSED', 'incoming settlement ' .. key .. ' was recorded before for account ' .. account .. ' and amount ' .. seen)
    end
    return redis.call('HGET', keys[3], 'incoming_settlement:' .. key)
  end
  local amount = amount_arg(account, args[3])
  local a = load_account(keys, account)
  local b = copy(a)
  if not a.clearing.neg then
    b.prepaid = add(a.prepaid, amount)
  elseif cmp(add(a.clearing, amount), ZERO) <= 0 then
    b.clearing = add(a.clearing, amount)
  else
    b.prepaid = add(a.prepaid, add(a.clearing, amount))
    b.clearing = ZERO
  end
  local answer = save(keys, account, a, b, 'incoming_settlement', key, args[4])
  redis.call('HSET', keys[6], key, str(amount))
  return answer
end))

-- ARGV: account, key, settled, now_ms
redis.register_function('lh_finish_settlement', protect(function(keys, args)
  local account, key = args[1], args[2]
  local s = redis.call('HGET', keys[5], key)
  if not s then refuse('REFUSED', 'unknown settlement ' .. key) end
  local r = split(s)
  if r[2] ~= 'pending' then return 'finished' end
  local amount, settled = parse(r[1]), parse(args[3])
  if not settled or settled.neg or cmp(settled, amount) > 0 then
    refuse('RANGE', 'settlement ' .. key .. ': the engine settled ' .. tostring(args[3]) .. ' of ' .. r[1])
  end
  if cmp(settled, amount) < 0 then
    local a = load_account(keys, account)
    local b = copy(a)
    b.clearing = add(a.clearing, sub(amount, settled))
    save(keys, account, a, b, 'settlement_credit', key, args[4])
  end
  redis.call('HSET', keys[5], key, r[1] .. '|settled|' .. str(settled))
  return 'finished'
end))
