-- The offering process is alive: bump the heartbeat and record how many items it has offered so far
-- per channel. A record that is gone (trimmed) is not recreated.
-- KEYS[1] the record
-- ARGV[1] now (ms)  ARGV[2..] (channel, items offered so far)*
-- Returns how many of the resync's channels are still offering (0: it was taken over or abandoned),
-- or -1 when the record does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[1], 'heartbeat', ARGV[1])
for i = 2, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i] .. ':state') == 'offering' then
    redis.call('HSET', KEYS[1], ARGV[i] .. ':sent', ARGV[i + 1])
  end
end
local offering = 0
for c in string.gmatch(redis.call('HGET', KEYS[1], 'channels') or '', '[^,]+') do
  if redis.call('HGET', KEYS[1], c .. ':state') == 'offering' then offering = offering + 1 end
end
return offering
