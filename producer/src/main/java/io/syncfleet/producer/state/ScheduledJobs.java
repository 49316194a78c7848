package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Tuple;

/**
 * Jobs due later (Sidekiq's {@code ScheduledSet} and {@code RetrySet} in one): retries in backoff
 * and postponed work, soonest first. The worker's scheduler moves them to their queues when due.
 */
public final class ScheduledJobs {
  private final JedisPool pool;
  private final Keys keys;

  public ScheduledJobs(JedisPool pool, Keys keys) {
    this.pool = pool;
    this.keys = keys;
  }

  /** Jobs waiting. */
  public long size() {
    try (Jedis jedis = pool.getResource()) {
      return jedis.zcard(keys.schedule());
    }
  }

  /** Up to {@code limit} jobs starting at {@code offset}, soonest due first. */
  public List<ScheduledJob> page(int offset, int limit) {
    if (limit < 1 || offset < 0) {
      return List.of();
    }
    try (Jedis jedis = pool.getResource()) {
      List<ScheduledJob> out = new ArrayList<>();
      for (Tuple t : jedis.zrangeWithScores(keys.schedule(), offset, offset + limit - 1L)) {
        out.add(new ScheduledJob((long) t.getScore(), JobSummary.parse(t.getElement())));
      }
      return out;
    }
  }
}
