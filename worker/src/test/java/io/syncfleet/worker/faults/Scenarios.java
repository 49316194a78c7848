package io.syncfleet.worker.faults;

import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.demo.sim.ShopifySimulator;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.producer.state.DeadJob;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * The fault scenarios, each against real worker processes, real Redis and the simulated
 * marketplaces. The suite runs them at full size; the tests run smaller versions.
 */
final class Scenarios {
  private static final Duration SETTLE = Duration.ofMinutes(5);

  private Scenarios() {}

  record KillResult(int jobs, int kills, long lost, long dead, boolean stateMatches, double seconds) {}

  record RestartResult(int jobs, int restarts, long lost, long dead, double maxRecoverySeconds) {}

  record OutageResult(int healthyJobs, double healthyP99Seconds, double healthyMaxSeconds, long deadFromOutage,
      long failingJobsDone, int failingJobs, long throttledDone, int throttledJobs) {}

  record MalformedResult(int kinds, long recorded, long withReason, boolean workerAlive, boolean goodJobAfter) {}

  record TermResult(int jobs, long doneBeforeExit, long handedBack, long inflightAfter, long doneInTheEnd, long dead) {}

  /** {@code jobs} single-listing jobs while a worker is SIGKILLed {@code kills} times (and replaced). */
  static KillResult sigkill(RedisSettings redis, int jobs, int kills, int workers, long killEveryMs) throws Exception {
    long start = System.nanoTime();
    try (EbaySimulator ebay = new EbaySimulator();
        Fleet fleet = new Fleet(redis, Map.of("SYNCFLEET_PROCESS_TIMEOUT_SECONDS", "3"))) {
      ebay.start(0);
      ebay.setLatency(Duration.ofMillis(10));
      fleet.connect(ebay.connection("acme"));
      for (int i = 0; i < workers; i++) {
        fleet.startWorker();
      }
      fleet.awaitWorkers(workers);
      List<String> skus = fleet.enqueueListings("acme", "ebay", jobs, "K-");
      Random random = new Random(1);
      int killed = 0;
      while (killed < kills) {
        Thread.sleep(killEveryMs / 2 + random.nextInt((int) killEveryMs));
        List<Process> running = fleet.running();
        running.get(random.nextInt(running.size())).destroyForcibly();
        killed++;
        fleet.startWorker();
      }
      Fleet.eventually(SETTLE.toMillis(), () -> published(ebay, skus) == jobs);
      long lost = jobs - published(ebay, skus);
      return new KillResult(jobs, killed, lost, fleet.dead().size(), lost == 0 && matches(ebay, skus),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** {@code jobs} jobs while the Redis server (with AOF) is restarted {@code restarts} times. */
  static RestartResult redisRestarts(int jobs, int restarts) throws Exception {
    File dir = Files.createTempDirectory("syncfleet-aof").toFile();
    int port = freePort();
    Process server = startRedis(port, dir);
    RedisSettings redis = new RedisSettings("127.0.0.1", port, null, 0, "unused");
    double maxRecovery = 0;
    try (EbaySimulator ebay = new EbaySimulator();
        Fleet fleet = new Fleet(redis, Map.of("SYNCFLEET_PROCESS_TIMEOUT_SECONDS", "30"))) {
      ebay.start(0);
      ebay.setLatency(Duration.ofMillis(15));
      fleet.connect(ebay.connection("acme"));
      fleet.startWorker();
      fleet.startWorker();
      fleet.awaitWorkers(2);
      List<String> skus = fleet.enqueueListings("acme", "ebay", jobs, "R-");
      for (int r = 1; r <= restarts; r++) {
        int target = jobs * r / (restarts + 1);
        Fleet.eventually(SETTLE.toMillis(), () -> published(ebay, skus) >= target);
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
        Thread.sleep(1000);
        long before = published(ebay, skus);
        server = startRedis(port, dir);
        long up = System.nanoTime();
        Fleet.eventually(60_000, () -> published(ebay, skus) > before || published(ebay, skus) == jobs);
        maxRecovery = Math.max(maxRecovery, (System.nanoTime() - up) / 1e9);
      }
      Fleet.eventually(SETTLE.toMillis(), () -> published(ebay, skus) == jobs);
      return new RestartResult(jobs, restarts, jobs - published(ebay, skus), fleet.deadAfterRestart(), maxRecovery);
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /**
   * For {@code seconds}: one marketplace answers 503 to everything, another throttles hard, a third is
   * healthy; listings for all three keep coming. Measures the healthy one's delay.
   */
  static OutageResult outage(RedisSettings redis, int seconds) throws Exception {
    try (EbaySimulator down = new EbaySimulator();
        EbaySimulator healthy = new EbaySimulator();
        ShopifySimulator busy = new ShopifySimulator();
        Fleet fleet = new Fleet(redis, Map.of())) {
      down.start(0);
      healthy.start(0);
      busy.start(0);
      fleet.connect(down.connection("down"));
      fleet.connect(healthy.connection("ok"));
      fleet.connect(new Connection("busy", "shopify", Environment.SANDBOX,
          Map.of(Connection.BASE_URL, busy.baseUrl(), "shop", "busy.myshopify.com"),
          Secrets.of(Map.of("access_token", ShopifySimulator.DEFAULT_TOKEN)), 1));
      fleet.startWorker();
      fleet.startWorker();
      fleet.awaitWorkers(2);
      down.setOutage(503);
      busy.setRateLimit(2, 1);
      Map<String, Long> sent = new ConcurrentHashMap<>();
      Map<String, Long> seen = new ConcurrentHashMap<>();
      Thread watcher = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          long now = System.nanoTime();
          for (EbaySimListing l : healthy.listings().values()) {
            if (l.published()) {
              seen.putIfAbsent(l.sku(), now);
            }
          }
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      watcher.start();
      List<String> downSkus = new ArrayList<>();
      List<String> busySkus = new ArrayList<>();
      long end = System.currentTimeMillis() + seconds * 1000L;
      for (int i = 0; System.currentTimeMillis() < end; i++) {
        String okSku = fleet.enqueueListings("ok", "ebay", 1, "OK-" + i + "-").get(0);
        sent.put(okSku, System.nanoTime());
        downSkus.addAll(fleet.enqueueListings("down", "ebay", 1, "DOWN-" + i + "-"));
        busySkus.addAll(fleet.enqueueListings("busy", "shopify", 1, "BUSY-" + i + "-"));
        Thread.sleep(250);
      }
      down.setOutage(0);
      busy.setRateLimit(0, 0);
      Fleet.eventually(10_000, () -> seen.keySet().containsAll(sent.keySet()));
      watcher.interrupt();
      Fleet.eventually(SETTLE.toMillis(), () -> published(down, downSkus) == downSkus.size()
          && busy.variantsBySku().keySet().containsAll(busySkus));
      double[] delays = sent.entrySet().stream()
          .mapToDouble(e -> seen.containsKey(e.getKey()) ? (seen.get(e.getKey()) - e.getValue()) / 1e9 : Double.MAX_VALUE)
          .sorted().toArray();
      long deadFromOutage = 0;
      for (DeadJob d : fleet.dead().page(0, 10_000)) {
        if (!"ok".equals(d.tenant())) {
          deadFromOutage++;
        }
      }
      long busyDone = busySkus.stream().filter(busy.variantsBySku()::containsKey).count();
      return new OutageResult(delays.length, percentile(delays, 99), delays[delays.length - 1], deadFromOutage,
          published(down, downSkus), downSkus.size(), busyDone, busySkus.size());
    }
  }

  /** Every kind of bad input on the queue, then one good job. */
  static MalformedResult malformed(RedisSettings redis) throws Exception {
    List<MalformedInputs.Input> inputs = MalformedInputs.all();
    try (EbaySimulator ebay = new EbaySimulator(); Fleet fleet = new Fleet(redis, Map.of())) {
      ebay.start(0);
      fleet.connect(ebay.connection("acme"));
      Process worker = fleet.startWorker();
      fleet.awaitWorkers(1);
      try (Jedis j = fleet.pool().getResource()) {
        j.sadd(fleet.keys().queues(), "urgent");
        for (MalformedInputs.Input input : inputs) {
          j.rpush(fleet.keys().queue("urgent"), input.payload());
        }
        j.rpush(fleet.keys().wake(), "1");
      }
      Fleet.eventually(60_000, () -> fleet.dead().size() >= inputs.size());
      List<DeadJob> dead = fleet.dead().page(0, inputs.size() * 2);
      long withReason = dead.stream().filter(d -> d.reason() != null && !d.reason().isBlank()).count();
      List<String> good = fleet.enqueueListings("acme", "ebay", 1, "GOOD-");
      boolean goodAfter = Fleet.eventually(30_000, () -> published(ebay, good) == 1);
      return new MalformedResult(inputs.size(), dead.size(), withReason, worker.isAlive(), goodAfter);
    }
  }

  /** SIGTERM to a busy worker: what it held is finished or handed back; another worker completes the rest. */
  static TermResult sigterm(RedisSettings redis, int jobs) throws Exception {
    try (EbaySimulator ebay = new EbaySimulator();
        Fleet fleet = new Fleet(redis, Map.of("SYNCFLEET_SHUTDOWN_GRACE_SECONDS", "10"))) {
      ebay.start(0);
      ebay.setLatency(Duration.ofMillis(50));
      fleet.connect(ebay.connection("acme"));
      Process worker = fleet.startWorker();
      fleet.awaitWorkers(1);
      List<String> skus = fleet.enqueueListings("acme", "ebay", jobs, "T-");
      Fleet.eventually(30_000, () -> fleet.inflight() > 0 && published(ebay, skus) > 0);
      worker.destroy();
      worker.waitFor(30, TimeUnit.SECONDS);
      long done = published(ebay, skus);
      long inflight = fleet.inflight();
      long pending = fleet.pending();
      fleet.startWorker();
      Fleet.eventually(SETTLE.toMillis(), () -> published(ebay, skus) == jobs);
      return new TermResult(jobs, done, pending, inflight, published(ebay, skus), fleet.dead().size());
    }
  }

  private static long published(EbaySimulator ebay, Collection<String> skus) {
    Map<String, EbaySimListing> listings = ebay.listings();
    return skus.stream().filter(s -> listings.containsKey(s) && listings.get(s).published()).count();
  }

  private static boolean matches(EbaySimulator ebay, List<String> skus) {
    Map<String, EbaySimListing> listings = ebay.listings();
    for (String sku : skus) {
      EbaySimListing l = listings.get(sku);
      if (l == null || !l.published() || l.quantity() != 7 || !("Item " + sku).equals(l.title())
          || l.price() == null || l.price().compareTo(new java.math.BigDecimal("12.50")) != 0) {
        return false;
      }
    }
    return listings.size() == skus.size();
  }

  private static Process startRedis(int port, File dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--dir", dir.getAbsolutePath())
        .redirectErrorStream(true).redirectOutput(new File(dir, "redis.log")).start();
    boolean up = Fleet.eventually(10_000, () -> {
      try (Jedis j = new Jedis("127.0.0.1", port)) {
        return "PONG".equals(j.ping());
      } catch (RuntimeException e) {
        return false;
      }
    });
    if (!up) {
      throw new IllegalStateException("redis-server did not start on port " + port);
    }
    return p;
  }

  static boolean redisServerAvailable() {
    try {
      return new ProcessBuilder("redis-server", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
