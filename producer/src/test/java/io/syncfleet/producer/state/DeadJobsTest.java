package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.Json;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadJobsTest {
  private static final long NOW = Instant.parse("2025-11-24T10:00:00Z").toEpochMilli();

  private TestRedis redis;
  private Keys keys;
  private DeadJobs dead;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    keys = redis.keys();
    dead = new DeadJobs(redis.pool(), keys, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void listsNewestFirstWithPaging() {
    for (int i = 1; i <= 5; i++) {
      bury("d" + i, NOW - 10_000 + i, failedJob(3));
    }
    assertEquals(5, dead.size());
    assertEquals(List.of("d5", "d4"), dead.page(0, 2).stream().map(DeadJob::id).toList());
    assertEquals(List.of("d3", "d2"), dead.page(2, 2).stream().map(DeadJob::id).toList());
    assertEquals(List.of("d1"), dead.page(4, 2).stream().map(DeadJob::id).toList());
    assertEquals("rejected by the marketplace", dead.get("d3").orElseThrow().reason());
    assertTrue(dead.get("nope").isEmpty());
  }

  @Test
  void retryPutsTheJobBackOnItsQueueWithAttemptsReset() throws Exception {
    SyncJob failed = failedJob(4);
    bury("d1", NOW - 5_000, failed);

    assertTrue(dead.retry("d1"));

    assertEquals(0, dead.size());
    assertTrue(dead.get("d1").isEmpty());
    List<String> queued = redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1));
    assertEquals(1, queued.size());
    SyncJob again = JobCodec.decode(queued.get(0));
    assertEquals(0, again.attempt());
    assertEquals(NOW, again.enqueuedAt());
    assertEquals(failed.traceId(), again.traceId());
    assertEquals(failed.items(), again.items());
    assertNotEquals(failed.id(), again.id());
    assertTrue(redis.<Boolean>with(j -> j.sismember(keys.queues(), "urgent")));
    assertEquals(List.of("1"), redis.with(j -> j.lrange(keys.wake(), 0, -1)));
    assertFalse(dead.retry("d1"));
  }

  @Test
  void retryPushesAnUnreadablePayloadBackUnchanged() {
    redis.with(j -> {
      j.zadd(keys.dead(), NOW, "bad");
      return j.hset(keys.deadRecords(), "bad", json(new DeadJob("bad", NOW, "default", null, null, null, 1,
          "malformed payload", null, null, null, "w-1", "{\"class\":\"SyncJob\",\"args\":[]}")));
    });
    assertTrue(dead.retry("bad"));
    assertEquals(List.of("{\"class\":\"SyncJob\",\"args\":[]}"),
        redis.with(j -> j.lrange(keys.queue("default"), 0, -1)));
  }

  @Test
  void concurrentRetriesOfOneIdEnqueueItOnce() throws Exception {
    int ids = 50;
    for (int i = 0; i < ids; i++) {
      bury("d" + i, NOW - i, failedJob(2));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < ids; i++) {
        String id = "d" + i;
        CountDownLatch start = new CountDownLatch(1);
        Future<Boolean> a = pool.submit(() -> {
          start.await();
          return dead.retry(id);
        });
        Future<Boolean> b = pool.submit(() -> {
          start.await();
          return dead.retry(id);
        });
        start.countDown();
        assertTrue(a.get() ^ b.get(), "exactly one of two concurrent retries of " + id + " wins");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals((long) ids, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
    assertEquals(0, dead.size());
  }

  @Test
  void retriesManyAndAll() {
    for (int i = 0; i < 250; i++) {
      bury("d" + i, NOW - 1_000 - i, failedJob(1));
    }
    assertEquals(2, dead.retry(List.of("d0", "d1", "missing")));
    assertEquals(248, dead.retryAll());
    assertEquals(250L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
    assertEquals(0, dead.size());
  }

  @Test
  void removesOneManyAndAll() {
    for (int i = 0; i < 5; i++) {
      bury("d" + i, NOW - i, failedJob(1));
    }
    assertTrue(dead.remove("d0"));
    assertFalse(dead.remove("d0"));
    assertEquals(2, dead.remove(List.of("d1", "d2", "nope")));
    assertEquals(List.of("d3", "d4"), dead.page(0, 10).stream().map(DeadJob::id).toList());
    assertEquals(2, dead.removeAll());
    assertEquals(0, dead.size());
    assertTrue(redis.with(j -> j.hgetAll(keys.deadRecords())).isEmpty());
    assertEquals(0L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
  }

  private SyncJob failedJob(int attempt) {
    SyncJob first = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("SKU-1", 3)), NOW - 60_000);
    SyncJob job = first;
    for (int i = 0; i < attempt; i++) {
      job = job.retry(new ArrayList<>(first.items()), "HTTP 400", NOW - 30_000);
    }
    return job;
  }

  private void bury(String id, long failedAt, SyncJob job) {
    DeadJob record = new DeadJob(id, failedAt, job.queue().queueName(), job.tenant(), job.channel(),
        job.operation().wireName(), job.attempt(), "rejected by the marketplace", "25002",
        "Invalid quantity", List.of(new DeadJob.ItemError("SKU-1", "25002", "Invalid quantity")), "w-1",
        JobCodec.encode(job));
    redis.with(j -> {
      j.zadd(keys.dead(), failedAt, id);
      return j.hset(keys.deadRecords(), id, json(record));
    });
  }

  private static String json(DeadJob record) {
    try {
      return Json.MAPPER.writeValueAsString(record);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
