-- Replaces a hash field's value only if it still holds what the caller read (compare-and-set).
-- KEYS[1] hash  ARGV[1] field  ARGV[2] expected value  ARGV[3] new value
-- Returns 1 when replaced, 0 when someone changed it first.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
