package io.syncfleet.worker.fetch;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * Reliable fetch for one worker thread: one script call acknowledges the previous job and moves
 * the next into the thread's own in-flight list ({@code Keys.inflight(thread, queue)}), so a job is
 * always either on a queue, in flight, or settled, never only in memory. Queues are tried most urgent
 * first on every fetch (strict priority: stock and prices never wait behind bulk work).
 */
public final class Fetcher {
  private static final Script FETCH = Script.load("fetch");
  /** Per-minute counters live for a day: enough for the dashboard's charts. */
  static final String MINUTE_TTL = Integer.toString(24 * 3600);

  private final Keys keys;
  private final List<String> queues;
  private final List<String> inflightKeys;
  private final List<String> fixedKeys;
  private final List<String> queueArgs;

  public Fetcher(Keys keys, String threadName, List<String> queues) {
    this.keys = keys;
    this.queues = List.copyOf(queues);
    List<String> inflight = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    for (String q : queues) {
      pairs.add(keys.queue(q));
      pairs.add(keys.inflight(threadName, q));
      inflight.add(keys.inflight(threadName, q));
    }
    this.inflightKeys = List.copyOf(inflight);
    this.fixedKeys = List.copyOf(pairs);
    this.queueArgs = List.copyOf(queues);
  }

  /**
   * Acknowledges {@code done} (may be null), counting it processed, and fetches the next job when
   * {@code fetch} is true. Returns null when every queue is empty (or paused).
   */
  public Fetched fetch(Jedis jedis, Fetched done, boolean fetch, boolean wasIdle) {
    long minute = System.currentTimeMillis() / 60_000;
    List<String> k = new ArrayList<>(4 + fixedKeys.size());
    k.add(keys.pausedQueues());
    k.add(keys.processed());
    k.add(keys.statMinute("processed", minute));
    k.add(keys.wake());
    k.addAll(fixedKeys);
    List<String> a = new ArrayList<>(6 + queueArgs.size());
    a.add(done == null ? "0" : Integer.toString(done.pair()));
    a.add(done == null ? "" : done.payload());
    a.add(done == null ? "0" : "1");
    a.add(MINUTE_TTL);
    a.add(fetch ? "1" : "0");
    a.add(wasIdle ? "1" : "0");
    a.addAll(queueArgs);
    Object r = FETCH.eval(jedis, k, a);
    if (r == null) {
      return null;
    }
    List<?> pair = (List<?>) r;
    int i = ((Long) pair.get(0)).intValue();
    return new Fetched(i, queues.get(i - 1), (String) pair.get(1));
  }

  /** Whatever this thread still holds in flight (after a lost connection, or at start). */
  public List<Fetched> leftovers(Jedis jedis) {
    List<Fetched> out = new ArrayList<>();
    for (int i = 0; i < queues.size(); i++) {
      for (String payload : jedis.lrange(inflightKeys.get(i), 0, -1)) {
        out.add(new Fetched(i + 1, queues.get(i), payload));
      }
    }
    return out;
  }

  /** The in-flight list of the queue at {@code pair}. */
  public String inflightKey(int pair) {
    return inflightKeys.get(pair - 1);
  }

  /** Every in-flight list of this thread. */
  public List<String> inflightKeys() {
    return inflightKeys;
  }
}
