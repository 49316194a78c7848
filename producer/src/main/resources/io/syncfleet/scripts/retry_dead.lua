-- Puts one dead job back on its queue, exactly once: only the caller whose HDEL removes the record
-- goes on to enqueue, so concurrent retries of one id enqueue it once.
-- KEYS[1] dead records hash, KEYS[2] dead sorted set, KEYS[3] target queue list,
-- KEYS[4] queues set, KEYS[5] wake list
-- ARGV[1] dead id, ARGV[2] payload to enqueue, ARGV[3] queue name
-- Returns 1 when the job was enqueued, 0 when the record was already gone.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[3])
redis.call('RPUSH', KEYS[3], ARGV[2])
redis.call('RPUSH', KEYS[5], '1')
redis.call('LTRIM', KEYS[5], -64, -1)
return 1
