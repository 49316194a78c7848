-- Recovers a dead worker process exactly once: moves every job in its in-flight lists back to the
-- head of its queue, removes its Jesque registrations, and takes it off the process list. Several
-- processes may call this for the same dead one at once; the first does the work, the rest see -1.
-- KEYS[1] processes zset  KEYS[2] its heartbeat hash  KEYS[3] its lists hash  KEYS[4] workers set
-- KEYS[5] queues set      KEYS[6] wake list
-- ARGV[1] process id  ARGV[2] heartbeat older than this (epoch ms) means dead
-- ARGV[3] queue key prefix ("<ns>:queue:")  ARGV[4] Jesque worker key prefix ("<ns>:worker:")
-- Returns the number of jobs handed back, or -1 when the process is alive or already recovered.
local beat = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not beat or tonumber(beat) >= tonumber(ARGV[2]) or redis.call('EXISTS', KEYS[2]) == 1 then
  return -1
end
local moved = 0
local fields = redis.call('HGETALL', KEYS[3])
for i = 1, #fields, 2 do
  local field, value = fields[i], fields[i + 1]
  if string.sub(field, 1, 7) == 'thread:' then
    local name = string.sub(field, 8)
    redis.call('SREM', KEYS[4], name)
    redis.call('DEL', ARGV[4] .. name, ARGV[4] .. name .. ':started')
  else
    while redis.call('LMOVE', field, ARGV[3] .. value, 'RIGHT', 'LEFT') do
      moved = moved + 1
    end
    redis.call('SADD', KEYS[5], value)
  end
end
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[1], ARGV[1])
if moved > 0 then
  for _ = 1, math.min(moved, 64) do
    redis.call('RPUSH', KEYS[6], '1')
  end
  redis.call('LTRIM', KEYS[6], -64, -1)
end
return moved
