package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read model against a namespace seeded the way the worker and producers write it. */
class FleetStatusTest {
  private static final long NOW = Instant.parse("2025-11-24T10:00:30Z").toEpochMilli();
  private static final long MINUTE = NOW / 60_000;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  private static TestRedis redis;
  private static Keys keys;

  @BeforeAll
  static void seed() {
    redis = TestRedis.open();
    keys = redis.keys();
    redis.with(j -> {
      j.sadd(keys.queues(), "urgent", "bulk", "legacy");
      j.rpush(keys.queue("urgent"), job(Queue.URGENT, NOW - 90_000), job(Queue.URGENT, NOW - 1_000));
      j.rpush(keys.queue("bulk"), job(Queue.BULK, NOW - 300_000), job(Queue.BULK, NOW - 200_000),
          job(Queue.BULK, NOW - 100_000));
      j.rpush(keys.queue("legacy"), "not json");
      j.sadd(keys.pausedQueues(), "bulk");

      j.zadd(keys.schedule(), NOW + 60_000, job(Queue.URGENT, NOW - 5_000));
      j.zadd(keys.schedule(), NOW + 10_000, job(Queue.DEFAULT, NOW - 6_000));
      j.zadd(keys.dead(), NOW - 1_000, "d1");
      j.hset(keys.deadRecords(), "d1", "{}");

      j.set(keys.processed(), "100");
      j.set(keys.failed(), "7");
      j.set(keys.statMinute("processed", MINUTE), "12");
      j.set(keys.statMinute("processed", MINUTE - 2), "30");
      j.set(keys.statMinute("failed", MINUTE - 2), "2");

      j.zadd(keys.processes(), NOW - 2_000, "web-1:41");
      j.hset(keys.process("web-1:41"), Map.of("host", "web-1", "pid", "41", "startedAt", Long.toString(NOW - 600_000),
          "heartbeatAt", Long.toString(NOW - 2_000), "concurrency", "8", "queues", "urgent,default,bulk", "busy", "1",
          "threads", "[{\"thread\":\"sf-3\",\"jobId\":\"j-9\",\"tenant\":\"acme\",\"channel\":\"ebay\","
              + "\"op\":\"update_stock\",\"queue\":\"urgent\",\"since\":" + (NOW - 4_000) + "}]"));
      j.zadd(keys.processes(), NOW - 45_000, "web-2:77");
      j.hset(keys.process("web-2:77"), Map.of("host", "web-2", "pid", "77", "heartbeatAt", Long.toString(NOW - 45_000),
          "concurrency", "4", "queues", "urgent", "busy", "0", "threads", "[]"));
      j.zadd(keys.processes(), NOW - 120_000, "web-3:12");
      return null;
    });
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  private static String job(Queue queue, long enqueuedAt) {
    return JobCodec.encode(SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, queue,
        List.of(StockLevel.of("SKU-1", 1), StockLevel.of("SKU-2", 2)), enqueuedAt));
  }

  @Test
  void countsEverything() {
    FleetStats stats = FleetStats.read(redis.pool(), keys, CLOCK, 3);
    assertEquals(100, stats.processed());
    assertEquals(7, stats.failed());
    assertEquals(1, stats.dead());
    assertEquals(2, stats.scheduled());
    assertEquals(6, stats.enqueued());
    assertEquals(List.of(new MinuteCount(MINUTE - 2, 30, 2), new MinuteCount(MINUTE - 1, 0, 0),
        new MinuteCount(MINUTE, 12, 0)), stats.minutes());
  }

  @Test
  void showsEachQueueWithItsDepthAgeAndPauseFlag() {
    assertEquals(List.of(
        new QueueView("urgent", 2, false, NOW - 90_000, 90_000),
        new QueueView("default", 0, false, 0, 0),
        new QueueView("bulk", 3, true, NOW - 300_000, 300_000),
        new QueueView("legacy", 1, false, 0, 0)), new Queues(redis.pool(), keys, CLOCK).all());
  }

  @Test
  void peeksAtTheNextJobsAndToleratesUnreadableOnes() {
    Queues queues = new Queues(redis.pool(), keys, CLOCK);
    List<JobSummary> next = queues.peek("bulk", 2);
    assertEquals(2, next.size());
    assertEquals(NOW - 300_000, next.get(0).enqueuedAt());
    assertEquals("update_stock", next.get(0).operation());
    assertEquals(2, next.get(0).items());
    assertTrue(next.get(0).readable());

    JobSummary broken = queues.peek("legacy", 5).get(0);
    assertFalse(broken.readable());
    assertTrue(broken.problem().startsWith("payload is not JSON"), broken.problem());
  }

  @Test
  void listsScheduledJobsSoonestFirst() {
    List<ScheduledJob> page = new ScheduledJobs(redis.pool(), keys).page(0, 10);
    assertEquals(List.of(NOW + 10_000, NOW + 60_000), page.stream().map(ScheduledJob::dueAt).toList());
    assertEquals("default", page.get(0).job().queue());
  }

  @Test
  void reportsLiveAndDeadProcesses() {
    List<WorkerProcess> processes = new WorkerProcesses(redis.pool(), keys, CLOCK).all();
    assertEquals(List.of("web-1:41", "web-2:77", "web-3:12"), processes.stream().map(WorkerProcess::id).toList());

    WorkerProcess live = processes.get(0);
    assertTrue(live.alive());
    assertEquals(2_000, live.heartbeatAgeMillis());
    assertEquals(List.of("urgent", "default", "bulk"), live.queues());
    assertEquals(List.of(new WorkerThread("sf-3", "j-9", "acme", "ebay", "update_stock", "urgent", NOW - 4_000)),
        live.threads());

    WorkerProcess stale = processes.get(1);
    assertFalse(stale.alive());
    assertEquals(45_000, stale.heartbeatAgeMillis());

    WorkerProcess gone = processes.get(2);
    assertFalse(gone.alive());
    assertNull(gone.host());
    assertEquals(NOW - 120_000, gone.heartbeatAt());
  }

  @Test
  void capturesOneSnapshotOfItAll() {
    FleetStatus status = FleetStatus.capture(redis.pool(), keys, CLOCK, 5);
    assertEquals(NOW, status.capturedAt());
    assertEquals(5, status.stats().minutes().size());
    assertEquals(4, status.queues().size());
    assertEquals(1, status.liveProcesses());
    assertEquals(1, status.busyThreads());
    assertEquals(8, status.totalThreads());
  }

  @Test
  void pausesAndResumesQueues() {
    Queues queues = new Queues(redis.pool(), keys, CLOCK);
    assertTrue(queues.pause("urgent"));
    assertFalse(queues.pause("urgent"));
    assertTrue(queues.get("urgent").paused());
    assertTrue(queues.resume("urgent"));
    assertFalse(queues.get("urgent").paused());
    assertFalse(queues.resume("urgent"));
  }
}
