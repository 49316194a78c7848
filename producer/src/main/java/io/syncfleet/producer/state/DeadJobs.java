package io.syncfleet.producer.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * Jobs that cannot succeed (Sidekiq's {@code DeadSet}): list them newest first, read one, retry or
 * remove them. A retry is atomic and happens once per record, however many callers ask at once.
 */
public final class DeadJobs {
  private static final Script RETRY = Script.load("retry_dead");
  /** Ids read per round while retrying everything. */
  private static final int RETRY_PAGE = 100;

  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;

  public DeadJobs(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /** Dead jobs now. */
  public long size() {
    try (Jedis jedis = pool.getResource()) {
      return jedis.zcard(keys.dead());
    }
  }

  /** Up to {@code limit} dead jobs starting at {@code offset}, newest first. */
  public List<DeadJob> page(int offset, int limit) {
    if (limit < 1 || offset < 0) {
      return List.of();
    }
    try (Jedis jedis = pool.getResource()) {
      Set<String> ids = jedis.zrevrange(keys.dead(), offset, offset + limit - 1L);
      if (ids.isEmpty()) {
        return List.of();
      }
      List<String> order = new ArrayList<>(ids);
      List<String> records = jedis.hmget(keys.deadRecords(), order.toArray(new String[0]));
      List<DeadJob> out = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        // A record retried or removed between the two reads is simply no longer dead.
        if (records.get(i) != null) {
          out.add(parse(order.get(i), records.get(i)));
        }
      }
      return out;
    }
  }

  /** The dead record with this id. */
  public Optional<DeadJob> get(String id) {
    try (Jedis jedis = pool.getResource()) {
      String raw = jedis.hget(keys.deadRecords(), id);
      return raw == null ? Optional.empty() : Optional.of(parse(id, raw));
    }
  }

  /**
   * Puts the job back on its queue with its attempts reset (a fresh payload id, the same trace id);
   * a payload that cannot be read as a job goes back as it was. Returns false when the record is
   * gone (e.g. another caller retried it first) or holds nothing to run.
   */
  public boolean retry(String id) {
    try (Jedis jedis = pool.getResource()) {
      return retry(jedis, id);
    }
  }

  /** Retries each id; returns how many were put back. */
  public int retry(Collection<String> ids) {
    int moved = 0;
    try (Jedis jedis = pool.getResource()) {
      for (String id : ids) {
        if (retry(jedis, id)) {
          moved++;
        }
      }
    }
    return moved;
  }

  /** Retries every job that was dead when the call began; returns how many were put back. */
  public long retryAll() {
    long startedAt = clock.millis();
    long moved = 0;
    int skipped = 0;
    try (Jedis jedis = pool.getResource()) {
      while (true) {
        // Jobs that die while this runs score later than startedAt and are left for the next call.
        Set<String> ids = jedis.zrangeByScore(keys.dead(), "-inf", Long.toString(startedAt), skipped, RETRY_PAGE);
        if (ids.isEmpty()) {
          return moved;
        }
        for (String id : ids) {
          if (retry(jedis, id)) {
            moved++;
          } else {
            skipped++;
          }
        }
      }
    }
  }

  /** Deletes one dead job for good; returns false when it was not there. */
  public boolean remove(String id) {
    try (Jedis jedis = pool.getResource()) {
      Transaction tx = jedis.multi();
      Response<Long> record = tx.hdel(keys.deadRecords(), id);
      Response<Long> member = tx.zrem(keys.dead(), id);
      tx.exec();
      return record.get() > 0 || member.get() > 0;
    }
  }

  /** Deletes these dead jobs; returns how many were there. */
  public int remove(Collection<String> ids) {
    int removed = 0;
    for (String id : ids) {
      if (remove(id)) {
        removed++;
      }
    }
    return removed;
  }

  /** Empties the dead set; returns how many jobs it held. */
  public long removeAll() {
    try (Jedis jedis = pool.getResource()) {
      Transaction tx = jedis.multi();
      Response<Long> count = tx.zcard(keys.dead());
      tx.del(keys.dead(), keys.deadRecords());
      tx.exec();
      return count.get();
    }
  }

  private boolean retry(Jedis jedis, String id) {
    String raw = jedis.hget(keys.deadRecords(), id);
    if (raw == null) {
      return false;
    }
    DeadJob dead = parse(id, raw);
    if (dead.payload() == null) {
      return false;
    }
    String payload;
    String queue;
    try {
      SyncJob job = JobCodec.decode(dead.payload()).resubmit(clock.millis());
      payload = JobCodec.encode(job);
      queue = dead.queue() != null ? dead.queue() : job.queue().queueName();
    } catch (MalformedJobException e) {
      payload = dead.payload();
      queue = dead.queue() != null ? dead.queue() : Queue.DEFAULT.queueName();
    }
    Object moved = RETRY.eval(jedis,
        List.of(keys.deadRecords(), keys.dead(), keys.queue(queue), keys.queues(), keys.wake()),
        List.of(id, payload, queue));
    return Long.valueOf(1).equals(moved);
  }

  /** The stored record; one that cannot be read is still listed, so it can be seen and removed. */
  private static DeadJob parse(String id, String raw) {
    try {
      return Json.MAPPER.readValue(raw, DeadJob.class);
    } catch (JsonProcessingException e) {
      return new DeadJob(id, 0, null, null, null, null, 0,
          "the dead record is not readable: " + e.getOriginalMessage(), null, null, null, null, null);
    }
  }
}
