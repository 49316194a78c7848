-- The fleet-wide rate limit of one connection and operation, as GCRA: a token bucket kept as one
-- timestamp, the theoretical arrival time (tat) of the next call at the sustained rate. Every
-- process shares it, and Redis's clock is the only clock, so skew between hosts does not matter.
-- KEYS[1] bucket hash
-- ARGV[1] mode: take | drain | left
-- ARGV[2] ms between calls at the sustained rate (fractional)   ARGV[3] burst
-- take:  ARGV[4] burst this priority class may use (1..burst)    ARGV[5] longest wait worth reserving (ms)
-- drain: ARGV[4] ms from now before the next call may start (the marketplace said wait)
-- left:  ARGV[4] calls the marketplace says are left right now
-- Returns for take the ms to wait before calling (>= 0: the slot is reserved), or minus the ms until
-- a slot would come (nothing reserved: come back then); 0 for drain and left.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval, burst = tonumber(ARGV[2]), tonumber(ARGV[3])
local tat = tonumber(redis.call('HGET', KEYS[1], 'tat') or '0')
if tat < now then tat = now end
local mode = ARGV[1]
local result = 0
if mode == 'take' then
  local wait = tat - (tonumber(ARGV[4]) - 1) * interval - now
  if wait > tonumber(ARGV[5]) then
    return -math.ceil(wait)
  end
  tat = tat + interval
  redis.call('HINCRBY', KEYS[1], 'taken', 1)
  result = math.max(0, math.ceil(wait))
elseif mode == 'drain' then
  tat = math.max(tat, now + tonumber(ARGV[4]) + (burst - 1) * interval)
  redis.call('HINCRBY', KEYS[1], 'drained', 1)
elseif mode == 'left' then
  tat = math.max(tat, now + (burst - tonumber(ARGV[4])) * interval)
end
redis.call('HSET', KEYS[1], 'tat', string.format('%.3f', tat))
redis.call('PEXPIRE', KEYS[1], math.ceil(tat - now + burst * interval) + 60000)
return result
