package io.syncfleet.worker.process;

import io.syncfleet.producer.Json;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.worker.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/** Records a {@link Settlement} and takes its job out of flight, in one atomic script call. */
public final class Settler {
  private static final Script SETTLE = Script.load("settle");
  /** The dead set keeps at most this many records; the oldest go first. */
  static final int DEAD_MAX = 100_000;
  private static final String MINUTE_TTL = Integer.toString(24 * 3600);

  private final Keys keys;

  public Settler(Keys keys) {
    this.keys = keys;
  }

  /** Applies {@code s} to {@code job}, held in {@code inflightKey}; counts it processed. */
  public void settle(Jedis jedis, String inflightKey, Fetched job, Settlement s) {
    long minute = System.currentTimeMillis() / 60_000;
    List<String> k = List.of(inflightKey, keys.schedule(), keys.dead(), keys.deadRecords(),
        keys.failed(), keys.statMinute("failed", minute), keys.processed(),
        keys.statMinute("processed", minute), s.parkKey() == null ? inflightKey : s.parkKey(),
        keys.queue(job.queue()), keys.queues(), keys.wake(),
        s.pauseKey() == null ? inflightKey : s.pauseKey());
    List<String> a = new ArrayList<>();
    a.add(job.payload());
    a.add(MINUTE_TTL);
    a.add("1");
    a.add(job.queue());
    a.add(Integer.toString(DEAD_MAX));
    a.add(Integer.toString(s.retries().size()));
    for (Settlement.Retry r : s.retries()) {
      a.add(Long.toString(r.dueAt()));
      a.add(r.payload());
    }
    a.add(Integer.toString(s.dead().size()));
    for (DeadJob d : s.dead()) {
      a.add(d.id());
      a.add(Long.toString(d.failedAt()));
      a.add(toJson(d));
    }
    a.add(Integer.toString(s.parked().size()));
    a.addAll(s.parked());
    a.add(Integer.toString(s.requeue().size()));
    a.addAll(s.requeue());
    a.add(keys.queue(""));
    a.add(Integer.toString(s.queued().size()));
    for (Settlement.Queued q : s.queued()) {
      a.add(q.queue());
      a.add(q.payload());
    }
    SETTLE.eval(jedis, k, a);
  }

  private static String toJson(DeadJob d) {
    try {
      return Json.MAPPER.writeValueAsString(d);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize dead record " + d.id(), e);
    }
  }
}
