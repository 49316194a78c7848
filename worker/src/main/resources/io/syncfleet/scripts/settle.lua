-- Settles a job that did not simply succeed, atomically with removing it from the thread's
-- in-flight list: retries go on the schedule, dead work into the dead set (trimmed to a maximum),
-- jobs of a paused connection onto its parked list (or back on the queue if the pause was lifted in
-- the meantime), interrupted work back to the head of its queue, follow-up jobs to the tail of theirs.
-- KEYS[1] in-flight list  KEYS[2] schedule  KEYS[3] dead zset  KEYS[4] dead records hash
-- KEYS[5] failed counter  KEYS[6] failed-this-minute  KEYS[7] processed counter
-- KEYS[8] processed-this-minute  KEYS[9] parked list  KEYS[10] queue list  KEYS[11] queues set
-- KEYS[12] wake list    KEYS[13] connection state hash (for parking)
-- ARGV: payload, minute expiry (s), processed inc, queue name, dead max,
--       nRetries, (dueMs, payload)*, nDead, (id, failedAtMs, record)*, nParked, payload*,
--       nRequeue, payload*, queue key prefix, nQueued, (queue name, payload)*
redis.call('LREM', KEYS[1], 1, ARGV[1])
local ttl = ARGV[2]
if tonumber(ARGV[3]) > 0 then
  redis.call('INCRBY', KEYS[7], ARGV[3])
  redis.call('INCRBY', KEYS[8], ARGV[3])
  redis.call('EXPIRE', KEYS[8], ttl)
end
local deadMax = tonumber(ARGV[5])
local i = 6
local n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]); i = i + 2
end
n = tonumber(ARGV[i]); i = i + 1
if n > 0 then
  for _ = 1, n do
    redis.call('ZADD', KEYS[3], ARGV[i + 1], ARGV[i])
    redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 2])
    i = i + 3
  end
  redis.call('INCRBY', KEYS[5], n)
  redis.call('INCRBY', KEYS[6], n)
  redis.call('EXPIRE', KEYS[6], ttl)
  local excess = redis.call('ZCARD', KEYS[3]) - deadMax
  if excess > 0 then
    local oldest = redis.call('ZPOPMIN', KEYS[3], excess)
    for j = 1, #oldest, 2 do
      redis.call('HDEL', KEYS[4], oldest[j])
    end
  end
end
local wake = false
n = tonumber(ARGV[i]); i = i + 1
if n > 0 then
  local stillPaused = redis.call('HGET', KEYS[13], 'paused') == '1'
  for _ = 1, n do
    redis.call('RPUSH', stillPaused and KEYS[9] or KEYS[10], ARGV[i]); i = i + 1
  end
  wake = not stillPaused
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('LPUSH', KEYS[10], ARGV[i]); i = i + 1
end
local prefix = ARGV[i]; i = i + 1
local queued = tonumber(ARGV[i]); i = i + 1
for _ = 1, queued do
  redis.call('RPUSH', prefix .. ARGV[i], ARGV[i + 1])
  redis.call('SADD', KEYS[11], ARGV[i])
  i = i + 2
end
if n > 0 or wake or queued > 0 then
  redis.call('SADD', KEYS[11], ARGV[4])
  redis.call('RPUSH', KEYS[12], '1')
  redis.call('LTRIM', KEYS[12], -64, -1)
end
return 1
