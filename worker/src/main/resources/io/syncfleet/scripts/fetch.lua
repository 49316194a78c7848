-- The worker's one round trip per job: acknowledge the job this thread just finished, count it,
-- and move the next job (most urgent queue first, paused queues skipped) into this thread's
-- in-flight list, where it stays until acknowledged, settled or handed back.
-- KEYS[1] paused-queues set   KEYS[2] processed counter   KEYS[3] processed-this-minute counter
-- KEYS[4] wake list           KEYS[3+2i] queue i          KEYS[4+2i] this thread's in-flight list for queue i
-- ARGV[1] pair index of the acknowledged job (0: none)    ARGV[2] acknowledged payload
-- ARGV[3] jobs to count as processed                      ARGV[4] per-minute counter expiry (s)
-- ARGV[5] '1' to fetch, '0' to only acknowledge           ARGV[6] '1' if this thread was idle
-- ARGV[6+i] name of queue i (for the pause check)
-- Returns {i, payload} or nil.
local ack = tonumber(ARGV[1])
if ack > 0 then
  redis.call('LREM', KEYS[4 + 2 * ack], 1, ARGV[2])
end
local n = tonumber(ARGV[3])
if n > 0 then
  redis.call('INCRBY', KEYS[2], n)
  redis.call('INCRBY', KEYS[3], n)
  redis.call('EXPIRE', KEYS[3], ARGV[4])
end
if ARGV[5] ~= '1' then
  return nil
end
local anyPaused = redis.call('SCARD', KEYS[1]) > 0
for i = 1, (#KEYS - 4) / 2 do
  if not (anyPaused and redis.call('SISMEMBER', KEYS[1], ARGV[6 + i]) == 1) then
    local job = redis.call('LMOVE', KEYS[3 + 2 * i], KEYS[4 + 2 * i], 'LEFT', 'RIGHT')
    if job then
      -- Coming out of idle with more work behind this job: wake a peer (maybe in another process).
      if ARGV[6] == '1' and redis.call('LLEN', KEYS[3 + 2 * i]) > 0 then
        redis.call('RPUSH', KEYS[4], '1')
        redis.call('LTRIM', KEYS[4], -64, -1)
      end
      return {i, job}
    end
  end
end
return nil
