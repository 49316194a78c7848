package io.syncfleet.producer.state;

import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.redis.Keys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The fleet's queues (Sidekiq's {@code Queue}): depth, how long the head job has waited, pause
 * flags, and a look at what is next. The fleet's own queues are always listed, most urgent first,
 * followed by any other queue that has been used.
 */
public final class Queues {
  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;

  public Queues(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /** Every queue. */
  public List<QueueView> all() {
    try (Jedis jedis = pool.getResource()) {
      return views(jedis, names(jedis, keys));
    }
  }

  /** One queue, empty when it was never used. */
  public QueueView get(String name) {
    try (Jedis jedis = pool.getResource()) {
      return views(jedis, List.of(name)).get(0);
    }
  }

  /** The next {@code limit} jobs of a queue, in the order workers will take them. */
  public List<JobSummary> peek(String name, int limit) {
    if (limit < 1) {
      return List.of();
    }
    try (Jedis jedis = pool.getResource()) {
      List<JobSummary> out = new ArrayList<>();
      for (String raw : jedis.lrange(keys.queue(name), 0, limit - 1)) {
        out.add(JobSummary.parse(raw));
      }
      return out;
    }
  }

  /** Stops workers from polling the queue; its jobs wait. Returns false when it was already paused. */
  public boolean pause(String name) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.sadd(keys.pausedQueues(), name) > 0;
    }
  }

  /** Lets workers poll the queue again. Returns false when it was not paused. */
  public boolean resume(String name) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.srem(keys.pausedQueues(), name) > 0;
    }
  }

  /** The fleet's queues by urgency, then every other known or paused queue by name. */
  static List<String> names(Jedis jedis, Keys keys) {
    Set<String> names = new LinkedHashSet<>();
    for (Queue q : Queue.byUrgency()) {
      names.add(q.queueName());
    }
    Set<String> others = new TreeSet<>(jedis.smembers(keys.queues()));
    others.addAll(jedis.smembers(keys.pausedQueues()));
    names.addAll(others);
    return List.copyOf(names);
  }

  private List<QueueView> views(Jedis jedis, List<String> names) {
    Pipeline pipeline = jedis.pipelined();
    Response<Set<String>> paused = pipeline.smembers(keys.pausedQueues());
    List<Response<Long>> depths = new ArrayList<>();
    List<Response<String>> heads = new ArrayList<>();
    for (String name : names) {
      depths.add(pipeline.llen(keys.queue(name)));
      heads.add(pipeline.lindex(keys.queue(name), 0));
    }
    pipeline.sync();
    long now = clock.millis();
    List<QueueView> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String head = heads.get(i).get();
      long enqueuedAt = head == null ? 0 : JobSummary.parse(head).enqueuedAt();
      long latency = enqueuedAt > 0 ? Math.max(0, now - enqueuedAt) : 0;
      out.add(new QueueView(names.get(i), depths.get(i).get(), paused.get().contains(names.get(i)),
          enqueuedAt, latency));
    }
    return out;
  }
}
