package io.syncfleet.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Settlement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The processor loop against a real Redis: delivery, bad input, script flushes, shutdown. */
class ProcessorTest {
  private TestRedis redis;
  private Keys keys;
  private Launcher worker;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    keys = redis.keys();
  }

  @AfterEach
  void tearDown() {
    if (worker != null) {
      worker.stop();
    }
    redis.close();
  }

  private JobHandler recording(long sleepMillis) {
    return (envelope, fetched) -> {
      runs.incrementAndGet();
      if (sleepMillis > 0) {
        try {
          Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Settlement.requeue(fetched.payload());
        }
      }
      seen.add(envelope.args().get(0).asText());
      return Settlement.done();
    };
  }

  private void push(String queue, String payload) {
    redis.with(j -> {
      j.sadd(keys.queues(), queue);
      j.rpush(keys.queue(queue), payload);
      return j.rpush(keys.wake(), "1");
    });
  }

  private static String noop(String id) {
    return "{\"class\":\"Noop\",\"args\":[\"" + id + "\"]}";
  }

  @Test
  void runsEveryJobOnceAndLeavesNothingInFlight() throws Exception {
    worker = WorkerHarness.start(redis, 4, WorkerHarness.noAdapters(), Map.of("Noop", recording(0)), Map.of());
    for (int i = 0; i < 2000; i++) {
      push(i % 2 == 0 ? "urgent" : "bulk", noop("j" + i));
    }
    assertTrue(WorkerHarness.eventually(10_000, () -> seen.size() == 2000), "ran " + seen.size());
    assertTrue(WorkerHarness.eventually(2_000, () -> "2000".equals(redis.with(j -> j.get(keys.processed())))));
    assertEquals(2000, runs.get(), "no job ran twice");
    assertEquals(Set.of(), redis.with(j -> j.keys(keys.namespace() + ":inflight:*"))
        .stream().filter(k -> redis.with(j -> j.llen(k)) > 0).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void unreadablePayloadsGoToTheDeadSetAndTheWorkerCarriesOn() throws Exception {
    worker = WorkerHarness.start(redis, 2, WorkerHarness.noAdapters(), Map.of("Noop", recording(0)), Map.of());
    push("default", "this is not json {");
    push("default", "{\"class\":\"NoSuchJob\",\"args\":[]}");
    push("default", "{\"class\":\"SyncJob\",\"args\":[{\"v\":1,\"op\":\"update_stock\"}]}");
    push("default", noop("after"));
    assertTrue(WorkerHarness.eventually(5_000, () -> seen.contains("after")));
    assertTrue(WorkerHarness.eventually(5_000, () -> redis.with(j -> j.zcard(keys.dead())) == 3));
    Map<String, String> records = redis.with(j -> j.hgetAll(keys.deadRecords()));
    String all = String.join("\n", records.values());
    assertTrue(all.contains("malformed payload: payload is not JSON"), all);
    assertTrue(all.contains("unknown job class \\\"NoSuchJob\\\""), all);
    assertTrue(all.contains("missing \\\"id\\\"") || all.contains("missing"), all);
    for (String json : records.values()) {
      JsonNode r = Json.MAPPER.readTree(json);
      assertTrue(r.path("payload").asText().length() > 0, "raw payload kept: " + json);
    }
    assertEquals("3", redis.with(j -> j.get(keys.failed())));
  }

  @Test
  void survivesScriptFlush() throws Exception {
    worker = WorkerHarness.start(redis, 2, WorkerHarness.noAdapters(), Map.of("Noop", recording(0)), Map.of());
    push("urgent", noop("before"));
    assertTrue(WorkerHarness.eventually(5_000, () -> seen.contains("before")));
    redis.with(Jedis::scriptFlush);
    push("urgent", noop("after-flush"));
    assertTrue(WorkerHarness.eventually(5_000, () -> seen.contains("after-flush")));
  }

  @Test
  void pausedQueueIsNotPolled() throws Exception {
    worker = WorkerHarness.start(redis, 2, WorkerHarness.noAdapters(), Map.of("Noop", recording(0)), Map.of());
    redis.with(j -> j.sadd(keys.pausedQueues(), "bulk"));
    push("bulk", noop("held"));
    push("urgent", noop("free"));
    assertTrue(WorkerHarness.eventually(5_000, () -> seen.contains("free")));
    Thread.sleep(300);
    assertTrue(!seen.contains("held"));
    redis.with(j -> j.srem(keys.pausedQueues(), "bulk"));
    push("urgent", noop("nudge"));
    assertTrue(WorkerHarness.eventually(5_000, () -> seen.contains("held")));
  }

  @Test
  void shutdownFinishesRunningJobsWithinGrace() throws Exception {
    worker = WorkerHarness.start(redis, 4, WorkerHarness.noAdapters(), Map.of("Noop", recording(400)),
        Map.of("SYNCFLEET_SHUTDOWN_GRACE_SECONDS", "10"));
    for (int i = 0; i < 4; i++) {
      push("default", noop("slow" + i));
    }
    assertTrue(WorkerHarness.eventually(5_000, () -> runs.get() == 4));
    worker.stop();
    worker = null;
    assertEquals(4, seen.size(), "every started job finished");
    assertEquals(Long.valueOf(0), redis.with(j -> j.llen(keys.queue("default"))));
    assertEquals("4", redis.with(j -> j.get(keys.processed())), "and each was acknowledged once");
  }

  @Test
  void shutdownHandsBackWhatOutlivesTheGrace() throws Exception {
    worker = WorkerHarness.start(redis, 2, WorkerHarness.noAdapters(), Map.of("Noop", recording(30_000)),
        Map.of("SYNCFLEET_SHUTDOWN_GRACE_SECONDS", "0"));
    push("default", noop("long1"));
    push("default", noop("long2"));
    assertTrue(WorkerHarness.eventually(5_000, () -> runs.get() == 2));
    worker.stop();
    worker = null;
    assertEquals(Long.valueOf(2), redis.with(j -> j.llen(keys.queue("default"))), "both jobs are back on their queue");
    assertEquals(Long.valueOf(0), redis.with(j -> j.zcard(keys.processes())), "the process left the fleet's list");
  }
}
