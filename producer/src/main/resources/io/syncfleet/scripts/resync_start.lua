-- Starts a bulk resync of a tenant on some channels, or refuses when one is already running on any
-- of them. A running resync holds each of its channels' running keys. It is alive while a channel
-- is draining (the workers still send its items) or while it is offering with a recent heartbeat;
-- an offering one whose heartbeat lapsed lost its process and is taken over: its offering channels
-- become abandoned and release their running keys. A draining channel whose items have all ended
-- is finished here, so a settle that could not tell does not block the next resync.
-- KEYS[1] resyncs zset  KEYS[2] the new record  KEYS[3..] running key of each channel (ARGV order)
-- ARGV[1] id  ARGV[2] now (ms)  ARGV[3] heartbeat age after which an offering resync is dead (ms)
-- ARGV[4] tenant  ARGV[5] channels, comma-separated  ARGV[6] source (file or caller)
-- ARGV[7] resync record key prefix  ARGV[8] running key prefix of the tenant  ARGV[9] records kept
-- ARGV[10..] channels
-- Returns {'started', taken-over id...} | {'running', channel, id, ...} for each blocked channel.
local id, now, staleAfter = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local prefix, runningPrefix, kept = ARGV[7], ARGV[8], tonumber(ARGV[9])

local function num(v) return tonumber(v or '0') or 0 end

local function ended(key, c)
  local v = redis.call('HMGET', key, c .. ':done', c .. ':failed', c .. ':superseded')
  return num(v[1]) + num(v[2]) + num(v[3])
end

local function channelsOf(key)
  local list = {}
  for c in string.gmatch(redis.call('HGET', key, 'channels') or '', '[^,]+') do list[#list + 1] = c end
  return list
end

local function release(c, held)
  if redis.call('GET', runningPrefix .. c) == held then redis.call('DEL', runningPrefix .. c) end
end

local blocked, stale = {}, {}
for i = 10, #ARGV do
  local c = ARGV[i]
  local held = redis.call('GET', KEYS[i - 7])
  if held then
    local key = prefix .. held
    local state = redis.call('HGET', key, c .. ':state')
    if state == 'offering' then
      if now - num(redis.call('HGET', key, 'heartbeat')) > staleAfter then
        stale[held] = true
      else
        blocked[#blocked + 1] = c
        blocked[#blocked + 1] = held
      end
    elseif state == 'draining' then
      if ended(key, c) >= num(redis.call('HGET', key, c .. ':total')) then
        redis.call('HSET', key, c .. ':state', 'finished', c .. ':finishedAt', now)
        release(c, held)
      else
        blocked[#blocked + 1] = c
        blocked[#blocked + 1] = held
      end
    end
    -- Finished, abandoned or a record already trimmed: a leftover key, overwritten below.
  end
end
if #blocked > 0 then
  local out = {'running'}
  for _, v in ipairs(blocked) do out[#out + 1] = v end
  return out
end

local out = {'started'}
for held in pairs(stale) do
  local key = prefix .. held
  for _, c in ipairs(channelsOf(key)) do
    if redis.call('HGET', key, c .. ':state') == 'offering' then
      redis.call('HSET', key, c .. ':state', 'abandoned', c .. ':finishedAt', now)
      release(c, held)
    end
  end
  redis.call('HSET', key, 'error', 'its offering process stopped sending heartbeats; taken over by ' .. id)
  out[#out + 1] = held
end

redis.call('HSET', KEYS[2], 'tenant', ARGV[4], 'channels', ARGV[5], 'file', ARGV[6], 'startedAt', now,
  'heartbeat', now)
for i = 10, #ARGV do
  local c = ARGV[i]
  redis.call('HSET', KEYS[2], c .. ':state', 'offering', c .. ':total', 0, c .. ':sent', 0, c .. ':done', 0,
    c .. ':failed', 0, c .. ':superseded', 0)
  redis.call('SET', KEYS[i - 7], id)
end
redis.call('ZADD', KEYS[1], now, id)

-- Keep the newest records; a running one is never trimmed, however old.
-- The set holds about a hundred ids (plus running ones), so reading it whole stays cheap.
local excess = redis.call('ZCARD', KEYS[1]) - kept
if excess > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    if excess <= 0 then break end
    local key = prefix .. old
    local running = false
    for _, c in ipairs(channelsOf(key)) do
      local state = redis.call('HGET', key, c .. ':state')
      if state == 'offering' or state == 'draining' then running = true end
    end
    if not running then
      redis.call('DEL', key)
      redis.call('ZREM', KEYS[1], old)
      excess = excess - 1
    end
  end
end
return out
