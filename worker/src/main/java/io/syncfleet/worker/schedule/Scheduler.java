package io.syncfleet.worker.schedule;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Moves due jobs from the schedule (retries, postponed work) onto their list queues, starts the
 * recurring order pulls, and runs the {@link Reaper}. Every process runs one; the move is one atomic script, so several
 * schedulers never double a job. Polls about once a second (jittered, so a fleet's schedulers do not
 * line up). Stops when {@link #stop()} is called.
 */
public final class Scheduler implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final Script DUE = Script.load("schedule_due");
  private static final int BATCH = 500;
  private static final long POLL_MS = 1_000;
  private static final long ORDER_TICK_MS = 5_000;

  private final JedisPool pool;
  private final Keys keys;
  private final OrderPulls orderPulls;
  private final Reaper reaper;
  private final long reapEveryMs;
  private volatile boolean running = true;
  /** The earliest look at the schedule asked for by {@link #wakeAt}; guarded by this. */
  private long wakeAt = Long.MAX_VALUE;

  /** {@code orderPulls} may be null (pulls off); the reaper runs every {@code reapEvery}. */
  public Scheduler(JedisPool pool, Keys keys, OrderPulls orderPulls, Reaper reaper, java.time.Duration reapEvery) {
    this.pool = pool;
    this.keys = keys;
    this.orderPulls = orderPulls;
    this.reaper = reaper;
    this.reapEveryMs = reapEvery.toMillis();
  }

  @Override
  public void run() {
    long nextOrderTick = 0;
    long nextReap = 0;
    long backoff = 1_000;
    while (running) {
      try {
        moveDue();
        long now = System.currentTimeMillis();
        if (orderPulls != null && now >= nextOrderTick) {
          orderPulls.tick();
          nextOrderTick = now + ORDER_TICK_MS;
        }
        if (now >= nextReap) {
          reaper.reap();
          nextReap = now + reapEveryMs;
        }
        backoff = 1_000;
        pause(POLL_MS / 2 + ThreadLocalRandom.current().nextLong(POLL_MS));
      } catch (JedisException e) {
        LOG.warn("scheduler: Redis unavailable ({}); retrying in {} ms", e.getMessage(), backoff);
        sleep(backoff);
        backoff = Math.min(backoff * 2, 2_000);
      } catch (RuntimeException e) {
        LOG.error("scheduler: unexpected failure", e);
        sleep(backoff);
      }
    }
  }

  /** Moves every job that is due now; returns how many. */
  public long moveDue() {
    long total = 0;
    try (Jedis jedis = pool.getResource()) {
      long moved;
      do {
        moved = (Long) DUE.eval(jedis, List.of(keys.schedule(), keys.queues(), keys.wake()),
            List.of(Long.toString(System.currentTimeMillis()), Integer.toString(BATCH), keys.queue("")));
        total += moved;
      } while (moved == BATCH && running);
    }
    return total;
  }

  public void stop() {
    running = false;
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * Asks for a look at the schedule at {@code epochMs}, sooner than the next poll: this process just
   * scheduled something due then (a lane's next batch) and the poll alone could be a second late.
   */
  public synchronized void wakeAt(long epochMs) {
    if (epochMs < wakeAt) {
      wakeAt = epochMs;
      notifyAll();
    }
  }

  /** Sleeps {@code ms}, or less when {@link #wakeAt} asks for an earlier look. */
  private synchronized void pause(long ms) {
    long deadline = System.currentTimeMillis() + ms;
    try {
      while (running) {
        long until = Math.min(deadline, wakeAt);
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    if (wakeAt <= System.currentTimeMillis()) {
      wakeAt = Long.MAX_VALUE;
    }
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
