-- The offering process has put every item of a resync's channel into the lane: record the total and
-- let the workers' settle script finish the channel when its last item ends, or finish it here when
-- every item already ended while the rest was still being offered.
-- KEYS[1] the record  KEYS[2] the channel's running key
-- ARGV[1] id  ARGV[2] channel  ARGV[3] total  ARGV[4] now (ms)
-- Returns the channel's state afterwards (draining, finished; anything else: it was not offering).
local id, c, total = ARGV[1], ARGV[2], tonumber(ARGV[3])
local state = redis.call('HGET', KEYS[1], c .. ':state')
if state ~= 'offering' then return state or '' end
redis.call('HSET', KEYS[1], c .. ':total', total, c .. ':sent', total, c .. ':state', 'draining')
local v = redis.call('HMGET', KEYS[1], c .. ':done', c .. ':failed', c .. ':superseded')
local ended = (tonumber(v[1] or '0') or 0) + (tonumber(v[2] or '0') or 0) + (tonumber(v[3] or '0') or 0)
if ended >= total then
  redis.call('HSET', KEYS[1], c .. ':state', 'finished', c .. ':finishedAt', ARGV[4])
  if redis.call('GET', KEYS[2]) == id then redis.call('DEL', KEYS[2]) end
  return 'finished'
end
return 'draining'
