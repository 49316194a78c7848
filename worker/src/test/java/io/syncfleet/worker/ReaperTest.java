package io.syncfleet.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Settlement;
import io.syncfleet.worker.schedule.Reaper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs held by a worker process that dies without a goodbye go back to their queues, once. */
class ReaperTest {
  private TestRedis redis;
  private Keys keys;
  private Launcher worker;

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

  /** Leaves the keys a process killed with {@code jobs} in flight would leave. */
  private void deadProcess(String id, int jobs) {
    String inflight = keys.inflight(id + "-thread", "urgent");
    redis.with(j -> {
      j.zadd(keys.processes(), System.currentTimeMillis() - 120_000, id);
      j.hset(keys.processLists(id), Map.of(inflight, "urgent", "thread:" + id + "-thread", ""));
      j.sadd(keys.workers(), id + "-thread");
      for (int i = 0; i < jobs; i++) {
        j.rpush(inflight, "{\"class\":\"Noop\",\"args\":[\"" + id + "-" + i + "\"]}");
      }
      return null;
    });
  }

  @Test
  void aRunningWorkerRecoversADeadProcessesJobs() throws Exception {
    deadProcess("gone:1:aaaaaa", 3);
    Set<String> ran = ConcurrentHashMap.newKeySet();
    JobHandler noop = (envelope, fetched) -> {
      ran.add(envelope.args().get(0).asText());
      return Settlement.done();
    };
    worker = WorkerHarness.start(redis, 2, WorkerHarness.noAdapters(), Map.of("Noop", noop),
        Map.of("SYNCFLEET_PROCESS_TIMEOUT_SECONDS", "3"));
    assertTrue(WorkerHarness.eventually(10_000, () -> ran.size() == 3), "ran " + ran);
    Boolean listsLeft = redis.with(j -> j.exists(keys.processLists("gone:1:aaaaaa")));
    Boolean registered = redis.with(j -> j.sismember(keys.workers(), "gone:1:aaaaaa-thread"));
    assertFalse(listsLeft, "its lists are gone");
    assertFalse(registered, "its Jesque registration is gone");
    assertEquals(List.of(worker.processId()), redis.with(j -> j.zrange(keys.processes(), 0, -1)).stream().toList());
  }

  @Test
  void concurrentReapersHandBackEachJobExactlyOnce() throws Exception {
    for (int p = 0; p < 5; p++) {
      deadProcess("gone:" + p + ":bbbbbb", 40);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Reaper reaper = new Reaper(redis.pool(), keys, "self-" + i, Duration.ofSeconds(60));
      results.add(pool.submit(reaper::reap));
    }
    long total = 0;
    for (Future<Long> f : results) {
      total += f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(200, total);
    assertEquals(Long.valueOf(200), redis.with(j -> j.llen(keys.queue("urgent"))));
    assertEquals(200L, redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1)).stream().distinct().count());
  }

  @Test
  void aLiveProcessIsNeverReaped() {
    String inflight = keys.inflight("alive-thread", "urgent");
    redis.with(j -> {
      j.zadd(keys.processes(), System.currentTimeMillis() - 120_000, "alive:1:cccccc");
      j.hset(keys.process("alive:1:cccccc"), "heartbeatAt", "1");
      j.hset(keys.processLists("alive:1:cccccc"), inflight, "urgent");
      return j.rpush(inflight, "{\"class\":\"Noop\",\"args\":[]}");
    });
    assertEquals(0, new Reaper(redis.pool(), keys, "self", Duration.ofSeconds(60)).reap());
    assertEquals(Long.valueOf(1), redis.with(j -> j.llen(inflight)), "its heartbeat hash still exists");
  }

  @Test
  void jobsOfAWorkerKilledWithSigkillAreFinishedByAnother() throws Exception {
    try (EbaySimulator ebay = new EbaySimulator()) {
      ebay.start(0);
      ebay.setLatency(Duration.ofSeconds(4));
      String key = SecretBox.newKey();
      ConnectionStore store = new ConnectionStore(redis.pool(), keys, new SecretBox(Base64.getDecoder().decode(key)));
      Connection c = ebay.connection("acme");
      Map<String, String> secrets = new HashMap<>();
      c.secrets().names().forEach(n -> secrets.put(n, c.secrets().require(n)));
      store.put("acme", "ebay", c.environment(), c.settings(), secrets);

      Map<String, String> env = new HashMap<>(redis.env());
      env.put("SYNCFLEET_SECRET_KEY", key);
      env.put("SYNCFLEET_PROCESS_TIMEOUT_SECONDS", "3");
      env.put("SYNCFLEET_HTTP_PORT", "0");
      env.put("SYNCFLEET_ORDER_PULL_SECONDS", "0");
      env.put("SYNCFLEET_CONCURRENCY", "4");
      ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
          "-cp", System.getProperty("java.class.path"), "io.syncfleet.worker.Launcher");
      pb.environment().putAll(env);
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process child = pb.start();
      try (SyncfleetClient client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC())) {
        assertTrue(WorkerHarness.eventually(20_000, () -> redis.with(j -> j.zcard(keys.processes())) == 1),
            "the child worker reported in");
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          listings.add(Listing.of("SKU-" + i, "Mug " + i, new BigDecimal("9.99"), "USD", i)
              .withImages(List.of("https://img.example.com/" + i + ".jpg")));
        }
        client.upsertListings("acme", List.of("ebay"), listings);
        assertTrue(WorkerHarness.eventually(10_000, () -> redis.with(j -> j.keys(keys.namespace() + ":inflight:*")
            .stream().mapToLong(j::llen).sum()) > 0), "the child holds jobs in flight");
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        ebay.setLatency(Duration.ZERO);
        Map<String, String> inProcess = new HashMap<>(env);
        inProcess.remove("REDIS_URL");
        inProcess.remove("SYNCFLEET_NAMESPACE");
        worker = WorkerHarness.start(redis, 4, AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC())),
            Map.of(), inProcess);
        assertTrue(WorkerHarness.eventually(60_000, () -> ebay.listings().values().stream()
            .filter(l -> l.published()).count() == 30), "every listing reached eBay: " + ebay.listings().size());
        assertEquals(0L, new io.syncfleet.producer.state.DeadJobs(redis.pool(), keys, Clock.systemUTC()).size());
      } finally {
        child.destroyForcibly();
      }
    }
  }
}
