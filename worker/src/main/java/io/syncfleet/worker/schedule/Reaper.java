package io.syncfleet.worker.schedule;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Finds worker processes whose heartbeat stopped (killed, crashed, lost their host) and hands
 * their in-flight jobs back to their queues, exactly once even when every live process notices at
 * the same moment. Run by each process's scheduler; a process never reaps itself.
 */
public final class Reaper {
  private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
  private static final Script REAP = Script.load("reap");

  private final JedisPool pool;
  private final Keys keys;
  private final String self;
  private final Duration timeout;

  /** {@code timeout}: how long a process may go without a heartbeat before it counts as dead. */
  public Reaper(JedisPool pool, Keys keys, String self, Duration timeout) {
    this.pool = pool;
    this.keys = keys;
    this.self = self;
    this.timeout = timeout;
  }

  /** Recovers every dead process found; returns how many jobs went back to their queues. */
  public long reap() {
    long staleBefore = System.currentTimeMillis() - timeout.toMillis();
    long total = 0;
    try (Jedis jedis = pool.getResource()) {
      for (String process : jedis.zrangeByScore(keys.processes(), "-inf", "(" + staleBefore)) {
        if (process.equals(self)) {
          continue;
        }
        long moved = (Long) REAP.eval(jedis,
            List.of(keys.processes(), keys.process(process), keys.processLists(process), keys.workers(),
                keys.queues(), keys.wake()),
            List.of(process, Long.toString(staleBefore), keys.queue(""), keys.namespace() + ":worker:"));
        if (moved >= 0) {
          LOG.warn("worker process {} stopped sending heartbeats; {} of its in-flight jobs went back"
              + " to their queues", process, moved);
          total += moved;
        }
      }
    }
    return total;
  }
}
