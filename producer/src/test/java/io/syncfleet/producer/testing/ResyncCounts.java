package io.syncfleet.producer.testing;

import io.syncfleet.producer.redis.Keys;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * Counts resync items the way the workers' settle script does, for tests that run no worker: bumps
 * {@code <channel>:done|failed|superseded} in the record and, once the channel is draining and every
 * item has ended, finishes it and releases its running key when that key still names this resync.
 */
public final class ResyncCounts {
  private static final String SCRIPT = String.join("\n",
      "redis.call('HINCRBY', KEYS[1], ARGV[1] .. ':' .. ARGV[2], ARGV[3])",
      "if redis.call('HGET', KEYS[1], ARGV[1] .. ':state') == 'draining' then",
      "  local ended = 0",
      "  for _, f in ipairs({'done', 'failed', 'superseded'}) do",
      "    ended = ended + tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. ':' .. f) or '0')",
      "  end",
      "  if ended >= tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. ':total') or '0') then",
      "    redis.call('HSET', KEYS[1], ARGV[1] .. ':state', 'finished', ARGV[1] .. ':finishedAt', ARGV[5])",
      "    if redis.call('GET', KEYS[2]) == ARGV[4] then redis.call('DEL', KEYS[2]) end",
      "  end",
      "end",
      "return redis.call('HGET', KEYS[1], ARGV[1] .. ':state')");

  private ResyncCounts() {}

  /** Counts {@code n} items of {@code channel} as {@code outcome} (done, failed or superseded); returns the state. */
  public static String settle(TestRedis redis, String id, String tenant, String channel, String outcome, long n) {
    Keys keys = redis.keys();
    return redis.with(j -> settle(j, keys, id, tenant, channel, outcome, n));
  }

  /** The same on a connection of the caller's. */
  public static String settle(Jedis jedis, Keys keys, String id, String tenant, String channel, String outcome,
      long n) {
    return (String) jedis.eval(SCRIPT, List.of(keys.resync(id), keys.resyncRunning(tenant, channel)),
        List.of(channel, outcome, Long.toString(n), id, Long.toString(System.currentTimeMillis())));
  }
}
