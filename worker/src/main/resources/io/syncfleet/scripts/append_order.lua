-- Appends an order to the tenant's stream only if this version of it was not appended before, so
-- overlapping or repeated pulls deliver each new or changed order exactly once.
-- KEYS[1] seen hash (order id -> fingerprint)  KEYS[2] orders stream
-- ARGV[1] order id  ARGV[2] fingerprint  ARGV[3] stream max length (approximate)
-- ARGV[4..] field, value pairs for the stream entry
-- Returns the entry id, or nil when this version was already appended.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return nil
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local entry = {KEYS[2], 'MAXLEN', '~', ARGV[3], '*'}
for i = 4, #ARGV do
  entry[#entry + 1] = ARGV[i]
end
return redis.call('XADD', unpack(entry))
