-- Moves jobs whose time has come from the schedule onto the list queues named in their payloads,
-- atomically per call, and leaves wake tokens so idle workers start them at once.
-- KEYS[1] schedule  KEYS[2] queues set  KEYS[3] wake list
-- ARGV[1] now (epoch ms)  ARGV[2] most jobs to move  ARGV[3] queue key prefix ("<ns>:queue:")
-- Returns the number moved.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, job in ipairs(due) do
  local queue = 'default'
  local ok, decoded = pcall(cjson.decode, job)
  if ok and type(decoded) == 'table' and type(decoded['args']) == 'table'
      and type(decoded['args'][1]) == 'table' and type(decoded['args'][1]['queue']) == 'string' then
    queue = decoded['args'][1]['queue']
  end
  redis.call('RPUSH', ARGV[3] .. queue, job)
  redis.call('SADD', KEYS[2], queue)
  redis.call('ZREM', KEYS[1], job)
end
if #due > 0 then
  for _ = 1, math.min(#due, 64) do
    redis.call('RPUSH', KEYS[3], '1')
  end
  redis.call('LTRIM', KEYS[3], -64, -1)
end
return #due
