-- Offering a resync failed part-way: every channel still offering becomes abandoned and releases its
-- running key, so the next resync is not refused; channels already draining finish as they are.
-- KEYS[1] the record
-- ARGV[1] id  ARGV[2] now (ms)  ARGV[3] why  ARGV[4] running key prefix of the tenant
-- Returns how many channels were abandoned.
local id, now, runningPrefix = ARGV[1], ARGV[2], ARGV[4]
local abandoned = 0
for c in string.gmatch(redis.call('HGET', KEYS[1], 'channels') or '', '[^,]+') do
  if redis.call('HGET', KEYS[1], c .. ':state') == 'offering' then
    redis.call('HSET', KEYS[1], c .. ':state', 'abandoned', c .. ':finishedAt', now)
    if redis.call('GET', runningPrefix .. c) == id then redis.call('DEL', runningPrefix .. c) end
    abandoned = abandoned + 1
  end
end
if abandoned > 0 then redis.call('HSET', KEYS[1], 'error', ARGV[3]) end
return abandoned
