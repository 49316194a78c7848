package io.syncfleet.worker.flow;

import io.syncfleet.producer.redis.Script;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Caps a connection's parallel calls across the fleet, for marketplaces that limit them: a lease per
 * call in Redis that expires on its own if its process dies mid-call.
 */
public final class CallLeases {
  private static final Script LEASE = Script.load("lease");

  private final JedisPool pool;
  private final Duration leaseLength;

  /** {@code leaseLength} must outlast the longest call (the worker's call timeout and its retries). */
  public CallLeases(JedisPool pool, Duration leaseLength) {
    this.pool = pool;
    this.leaseLength = leaseLength;
  }

  /** Takes one of {@code cap} leases on {@code key} for {@code holder}; false when all are taken. */
  public boolean acquire(String key, String holder, int cap) {
    return run(key, "acquire", holder, cap) == 1L;
  }

  /** Gives a lease back. */
  public void release(String key, String holder) {
    run(key, "release", holder, 0);
  }

  private Long run(String key, String mode, String holder, int cap) {
    try (Jedis jedis = pool.getResource()) {
      return (Long) LEASE.eval(jedis, List.of(key), List.of(mode, holder, Integer.toString(cap),
          Long.toString(leaseLength.toMillis())));
    }
  }
}
