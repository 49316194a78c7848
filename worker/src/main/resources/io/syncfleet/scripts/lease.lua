-- Caps a connection's parallel calls across the fleet: a lease per call, scored by its expiry, so
-- the lease of a process that died frees itself.
-- KEYS[1] leases zset
-- ARGV[1] acquire | release   ARGV[2] holder   ARGV[3] cap   ARGV[4] lease length (ms)
-- Returns 1 when the lease is held (or released), 0 when the cap is reached.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[1] == 'release' then
  redis.call('ZREM', KEYS[1], ARGV[2])
  return 1
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + 1000)
return 1
