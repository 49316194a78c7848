-- Offers changes into a lane (tenant, channel, operation), latest wins: a change for a SKU that is
-- already waiting replaces it (coalesced), a change older than the newest accepted for its SKU is
-- refused (stale), and flush jobs are armed, up to a maximum per lane, to send what is waiting.
-- KEYS[1] pending hash  KEYS[2] due zset  KEYS[3] first-seen hash  KEYS[4] versions hash
-- KEYS[5] flushers set  KEYS[6] stats hash  KEYS[7] lanes set  KEYS[8] queues set  KEYS[9] wake list
-- ARGV[1] lane id  ARGV[2] now (ms)  ARGV[3] class (0 urgent, 1 default, 2 bulk)
-- ARGV[4] coalescing window (ms)  ARGV[5] longest a SKU may wait while it keeps changing (ms)
-- ARGV[6] batch size  ARGV[7] most flushers  ARGV[8] queue of this class
-- ARGV[9] flush payload template (%d: slot, then now)  ARGV[10] queue key prefix
-- ARGV[11] resync key prefix  ARGV[12] channel  ARGV[13] running-resync key of this tenant and channel
-- ARGV[14..] (sku, version, change JSON, resync id or '')*
-- Returns {offered, coalesced, stale, armed}.
local CLASS = 1e13
local now = tonumber(ARGV[2])
local klass0 = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local linger = tonumber(ARGV[5])
local prefix, channel = ARGV[11], ARGV[12]

-- A resync's change replaced by a newer one has ended; the last one to end finishes the resync.
local function superseded(resync)
  if not resync or resync == '' then return end
  local key = prefix .. resync
  redis.call('HINCRBY', key, channel .. ':superseded', 1)
  if redis.call('HGET', key, channel .. ':state') == 'draining' then
    local ended = 0
    for _, f in ipairs({'done', 'failed', 'superseded'}) do
      ended = ended + tonumber(redis.call('HGET', key, channel .. ':' .. f) or '0')
    end
    if ended >= tonumber(redis.call('HGET', key, channel .. ':total') or '0') then
      redis.call('HSET', key, channel .. ':state', 'finished', channel .. ':finishedAt', now)
      if redis.call('GET', ARGV[13]) == resync then redis.call('DEL', ARGV[13]) end
    end
  end
end

local offered, coalesced, stale = 0, 0, 0
for i = 14, #ARGV, 4 do
  local sku, version, change, resync = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 3]
  local newest = redis.call('HGET', KEYS[4], sku)
  if newest and version < tonumber(newest) then
    stale = stale + 1
    superseded(resync)
  else
    redis.call('HSET', KEYS[4], sku, ARGV[i + 1])
    local klass = klass0
    local due = now + window
    local old = redis.call('HGET', KEYS[1], sku)
    if old then
      coalesced = coalesced + 1
      local score = redis.call('ZSCORE', KEYS[2], sku)
      if score then
        local oldClass = math.floor(tonumber(score) / CLASS)
        if oldClass < klass then klass = oldClass end
      end
      local first = tonumber(redis.call('HGET', KEYS[3], sku) or now)
      if due > first + linger then due = first + linger end
      -- Only a resync's change needs decoding (to count it superseded); most are not.
      if string.find(old, '"resync":', 1, true) then
        local ok, decoded = pcall(cjson.decode, old)
        if ok and type(decoded) == 'table' and type(decoded['resync']) == 'string'
            and decoded['resync'] ~= resync then
          superseded(decoded['resync'])
        end
      end
    else
      redis.call('HSET', KEYS[3], sku, now)
    end
    redis.call('HSET', KEYS[1], sku, change)
    redis.call('ZADD', KEYS[2], klass * CLASS + due, sku)
    offered = offered + 1
  end
end
if offered > 0 then redis.call('HINCRBY', KEYS[6], 'offered', offered) end
if coalesced > 0 then redis.call('HINCRBY', KEYS[6], 'coalesced', coalesced) end
if stale > 0 then redis.call('HINCRBY', KEYS[6], 'stale', stale) end

local armed = 0
if offered > 0 then
  redis.call('SADD', KEYS[7], ARGV[1])
  local most = tonumber(ARGV[7])
  local want = math.min(most, math.ceil(redis.call('HLEN', KEYS[1]) / tonumber(ARGV[6])))
  local have = redis.call('SCARD', KEYS[5])
  for slot = 1, most do
    if have >= want then break end
    if redis.call('SADD', KEYS[5], slot) == 1 then
      redis.call('RPUSH', ARGV[10] .. ARGV[8], string.format(ARGV[9], slot, now))
      have = have + 1
      armed = armed + 1
    end
  end
  if armed > 0 then
    redis.call('SADD', KEYS[8], ARGV[8])
    redis.call('RPUSH', KEYS[9], '1')
    redis.call('LTRIM', KEYS[9], -64, -1)
  end
end
return {offered, coalesced, stale, armed}
