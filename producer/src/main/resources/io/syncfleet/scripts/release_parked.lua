-- Moves every job parked for a paused connection back to the queue it came from, atomically.
-- KEYS[1] parked list, KEYS[2] connection state hash, KEYS[3] wake list
-- ARGV[1] queue key prefix ("<ns>:queue:"), ARGV[2] queues set key
-- Returns the number of jobs released.
local moved = 0
while true do
  local job = redis.call('LPOP', KEYS[1])
  if not job then break end
  local ok, decoded = pcall(cjson.decode, job)
  local queue = 'default'
  if ok and type(decoded) == 'table' and type(decoded['args']) == 'table'
      and type(decoded['args'][1]) == 'table' and type(decoded['args'][1]['queue']) == 'string' then
    queue = decoded['args'][1]['queue']
  end
  redis.call('RPUSH', ARGV[1] .. queue, job)
  redis.call('SADD', ARGV[2], queue)
  moved = moved + 1
end
redis.call('HDEL', KEYS[2], 'paused', 'pausedReason', 'pausedAt')
if moved > 0 then
  redis.call('RPUSH', KEYS[3], '1')
  redis.call('LTRIM', KEYS[3], -64, -1)
end
return moved
