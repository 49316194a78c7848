-- One flusher slot's work on a lane: settle what it sent (done, back to waiting, dead), claim the
-- next batch of due SKUs, and say what the slot does next. A SKU is only ever in flight in one
-- slot, and a change that comes back for a retry yields to a newer one waiting for the same SKU,
-- so an older value is never written after a newer one.
-- KEYS[1] pending hash  KEYS[2] due zset  KEYS[3] first-seen hash  KEYS[4] busy hash
-- KEYS[5] this slot's claimed hash  KEYS[6] flushers set  KEYS[7] lanes set
-- ARGV[1] slot  ARGV[2] now (ms)  ARGV[3] batch size (0: do not claim)  ARGV[4] lane id
-- ARGV[5] resync key prefix  ARGV[6] channel  ARGV[7] running-resync key of this tenant and channel
-- ARGV[8] most flushers the connection allows  ARGV[9] flush payload template (%d: slot, then now)
-- ARGV[10] this slot's queue (key)  ARGV[11] its name
-- ARGV[12] nDone, sku*; then nBack, (sku, due ms, class, change JSON)*; then nDead, sku*
-- KEYS[8] queues set  KEYS[9] wake list
-- Returns {'items', sku, change, ...} | {'next', due ms, class} | {'done'}.
local CLASS = 1e13
local slot, now = ARGV[1], tonumber(ARGV[2])
local prefix, channel = ARGV[5], ARGV[6]

local function count(change, field)
  if not change then return end
  local ok, decoded = pcall(cjson.decode, change)
  if not (ok and type(decoded) == 'table' and type(decoded['resync']) == 'string') then return end
  local id = decoded['resync']
  local key = prefix .. id
  redis.call('HINCRBY', key, channel .. ':' .. field, 1)
  if redis.call('HGET', key, channel .. ':state') == 'draining' then
    local ended = 0
    for _, f in ipairs({'done', 'failed', 'superseded'}) do
      ended = ended + tonumber(redis.call('HGET', key, channel .. ':' .. f) or '0')
    end
    if ended >= tonumber(redis.call('HGET', key, channel .. ':total') or '0') then
      redis.call('HSET', key, channel .. ':state', 'finished', channel .. ':finishedAt', now)
      if redis.call('GET', ARGV[7]) == id then redis.call('DEL', ARGV[7]) end
    end
  end
end

local function release(sku)
  local change = redis.call('HGET', KEYS[5], sku)
  redis.call('HDEL', KEYS[5], sku)
  if redis.call('HGET', KEYS[4], sku) == slot then redis.call('HDEL', KEYS[4], sku) end
  return change
end

local i = 12
local n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  count(release(ARGV[i]), 'done'); i = i + 1
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  local sku, due, klass, change = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]), ARGV[i + 3]
  local held = release(sku)
  if redis.call('HEXISTS', KEYS[1], sku) == 1 then
    count(held, 'superseded')
  else
    redis.call('HSET', KEYS[1], sku, change)
    redis.call('ZADD', KEYS[2], klass * CLASS + due, sku)
    redis.call('HSET', KEYS[3], sku, now)
  end
  i = i + 4
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  count(release(ARGV[i]), 'failed'); i = i + 1
end

local batch = tonumber(ARGV[3])
if batch > 0 then
  -- Changes this slot held when its process died are sent again first.
  local held = redis.call('HGETALL', KEYS[5])
  if #held > 0 then
    local out = {'items'}
    for j = 1, #held do out[#out + 1] = held[j] end
    return out
  end
  local out = {'items'}
  local taken = 0
  for klass = 0, 2 do
    if taken >= batch then break end
    local lo = klass * CLASS
    local skus = redis.call('ZRANGEBYSCORE', KEYS[2], lo, lo + now, 'LIMIT', 0, (batch - taken) * 5 + 16)
    for _, sku in ipairs(skus) do
      if taken >= batch then break end
      if redis.call('HEXISTS', KEYS[4], sku) == 0 then
        local change = redis.call('HGET', KEYS[1], sku)
        redis.call('ZREM', KEYS[2], sku)
        redis.call('HDEL', KEYS[1], sku)
        redis.call('HDEL', KEYS[3], sku)
        if change then
          redis.call('HSET', KEYS[4], sku, slot)
          redis.call('HSET', KEYS[5], sku, change)
          out[#out + 1] = sku
          out[#out + 1] = change
          taken = taken + 1
        end
      end
    end
  end
  if taken > 0 then
    -- A backlog of full batches and room under the connection's cap: one more flusher joins in.
    local have = redis.call('SCARD', KEYS[6])
    if have < tonumber(ARGV[8]) and redis.call('ZCOUNT', KEYS[2], '-inf', 3 * CLASS) >= batch * have then
      for s = 1, tonumber(ARGV[8]) do
        if redis.call('SADD', KEYS[6], s) == 1 then
          redis.call('RPUSH', ARGV[10], string.format(ARGV[9], s, now))
          redis.call('SADD', KEYS[8], ARGV[11])
          redis.call('RPUSH', KEYS[9], '1')
          redis.call('LTRIM', KEYS[9], -64, -1)
          break
        end
      end
    end
    return out
  end
end

-- Nothing (more) to send now: continue when the next change is due, or retire the slot.
local nextDue, nextClass = nil, nil
for klass = 0, 2 do
  local lo = klass * CLASS
  local first = redis.call('ZRANGEBYSCORE', KEYS[2], lo, lo + CLASS - 1, 'WITHSCORES', 'LIMIT', 0, 1)
  if #first > 0 then
    local due = tonumber(first[2]) - lo
    if due <= now then
      -- Due but busy in another slot: that slot continues with it; look again shortly.
      if batch > 0 then due = now + 100 end
      return {'next', tostring(math.max(due, now)), tostring(klass)}
    end
    if not nextDue or due < nextDue then nextDue, nextClass = due, klass end
  end
end
if nextDue then
  return {'next', tostring(nextDue), tostring(nextClass)}
end
redis.call('SREM', KEYS[6], slot)
if redis.call('HLEN', KEYS[1]) == 0 and redis.call('HLEN', KEYS[4]) == 0 then
  redis.call('SREM', KEYS[7], ARGV[4])
end
return {'done'}
