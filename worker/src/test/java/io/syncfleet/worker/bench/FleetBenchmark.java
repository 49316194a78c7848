package io.syncfleet.worker.bench;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.NamespaceWipe;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.worker.fetch.IdleGate;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Processor;
import io.syncfleet.worker.process.Settlement;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.greghaines.jesque.Config;
import net.greghaines.jesque.ConfigBuilder;
import net.greghaines.jesque.Job;
import net.greghaines.jesque.client.ClientPoolImpl;
import net.greghaines.jesque.utils.JesqueUtils;
import net.greghaines.jesque.worker.MapBasedJobFactory;
import net.greghaines.jesque.worker.WorkerImpl;
import net.greghaines.jesque.worker.WorkerPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;

/**
 * The worker benchmark, run with {@code ./syncfleet bench}: no-op jobs/s through Syncfleet's
 * processor and through raw Jesque at 1, 4 and 16 threads on the same Redis, Redis commands and
 * round trips per job, enqueue rates, idle enqueue-to-start latency and idle Redis load. Prints a
 * Markdown table. Each run uses fresh namespaces and deletes them afterwards.
 */
public final class FleetBenchmark {
  private static final List<String> QUEUES = List.of("urgent", "default", "bulk");
  private static final int TIMEOUT_MS = 15_000;

  private final RedisSettings base = RedisSettings.fromEnv();
  private final JedisPool pool = base.pool(8, TIMEOUT_MS);

  record Drain(double jobsPerSecond, double commandsPerJob, double roundTripsPerJob) {}

  public static void main(String[] args) throws Exception {
    new FleetBenchmark().run();
  }

  private void run() throws Exception {
    try (Jedis j = pool.getResource()) {
      j.ping();
    }
    System.out.printf("Syncfleet worker benchmark: Redis %s, %d cores, Java %s%n", base.describe(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println("warming up ...");
    ours(4, 40_000);
    jesque(4, 5_000);

    List<String> rows = new ArrayList<>();
    for (int threads : new int[] {1, 4, 16}) {
      Drain j = jesque(threads, threads == 1 ? 10_000 : 20_000);
      Drain o = ours(threads, threads == 1 ? 60_000 : 150_000);
      System.out.printf("  %2d threads: raw Jesque %,.0f jobs/s, Syncfleet %,.0f jobs/s%n", threads,
          j.jobsPerSecond, o.jobsPerSecond);
      rows.add(String.format(Locale.ROOT, "| No-op jobs/s, %d thread%s | %,.0f | %,.0f | %.1fx |", threads,
          threads == 1 ? "" : "s", j.jobsPerSecond, o.jobsPerSecond, o.jobsPerSecond / j.jobsPerSecond));
      if (threads == 16) {
        rows.add(String.format(Locale.ROOT, "| Redis commands per job (16 threads, incl. inside scripts) | %.1f | %.1f | |",
            j.commandsPerJob, o.commandsPerJob));
        rows.add(String.format(Locale.ROOT, "| Round trips per job (16 threads) | %.2f | %.2f | |",
            j.roundTripsPerJob, o.roundTripsPerJob));
      }
    }
    double single = enqueueRate(false, 20_000);
    double batched = enqueueRate(true, 300_000);
    rows.add(String.format(Locale.ROOT, "| Enqueue, one job per call (jobs/s) | | %,.0f | |", single));
    rows.add(String.format(Locale.ROOT, "| Enqueue, batched and pipelined (jobs/s) | | %,.0f | |", batched));
    double[] idle = idle(4, 300);
    rows.add(String.format(Locale.ROOT, "| Idle enqueue-to-start p50 / p99 (ms) | ~250 / ~500 (500 ms poll) | %.2f / %.2f | |",
        idle[0], idle[1]));
    rows.add(String.format(Locale.ROOT, "| Idle Redis load per process, 4 threads (commands/s) | %.1f | %.1f | |",
        idle[3], idle[2]));

    System.out.println();
    System.out.println("| Measure | Raw Jesque 2.2.0 | Syncfleet | Ratio |");
    System.out.println("|---|---:|---:|---:|");
    rows.forEach(System.out::println);
    pool.close();
  }

  /** Drains {@code n} no-op jobs through raw Jesque with {@code threads} workers. */
  private Drain jesque(int threads, int n) throws Exception {
    String ns = "bench-j-" + UUID.randomUUID().toString().substring(0, 8);
    Config config = new ConfigBuilder().withHost(base.host()).withPort(base.port())
        .withPassword(base.password()).withDatabase(base.database()).withNamespace(ns)
        .withTimeout(TIMEOUT_MS).build();
    ClientPoolImpl client = new ClientPoolImpl(config, pool);
    List<Job> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(new Job("Noop"));
      if (batch.size() == 1000) {
        client.batchEnqueue("default", batch);
        batch.clear();
      }
    }
    RoundTripCounter rt = new RoundTripCounter();
    MapBasedJobFactory factory = new MapBasedJobFactory(JesqueUtils.map(JesqueUtils.entry("Noop", NoopJob.class)));
    WorkerPool workers = new WorkerPool(() -> new WorkerImpl(config, List.of("default"), factory,
        rt.connect(base.host(), base.port(), TIMEOUT_MS)), threads);
    long commandsBefore = totalCommands();
    long start = System.nanoTime();
    workers.run();
    int polls = awaitCount(ns + ":stat:processed", n);
    double seconds = (System.nanoTime() - start) / 1e9;
    long commands = totalCommands() - commandsBefore - polls - 1;
    long trips = rt.count();
    workers.end(false);
    workers.join(5_000);
    cleanup(ns);
    return new Drain(n / seconds, commands / (double) n, trips / (double) n);
  }

  /** Drains {@code n} no-op jobs through Syncfleet's processor with {@code threads} threads. */
  private Drain ours(int threads, int n) throws Exception {
    String ns = "bench-s-" + UUID.randomUUID().toString().substring(0, 8);
    Keys keys = new Keys(ns);
    push(keys, n, i -> "{\"class\":\"Noop\",\"args\":[" + i + "]}");
    RoundTripCounter rt = new RoundTripCounter();
    JobHandler noop = (envelope, fetched) -> Settlement.done();
    Running r = start(ns, keys, threads, Map.of("Noop", noop), rt);
    long commandsBefore = totalCommands();
    long tripsBefore = rt.count();
    long start = System.nanoTime();
    r.go.countDown();
    int polls = awaitCount(keys.processed(), n);
    double seconds = (System.nanoTime() - start) / 1e9;
    long commands = totalCommands() - commandsBefore - polls - 1;
    long trips = rt.count() - tripsBefore;
    r.stop();
    cleanup(ns);
    return new Drain(n / seconds, commands / (double) n, trips / (double) n);
  }

  /** Enqueue rate through the client library: one call per job, or pipelined batches of 1,000. */
  private double enqueueRate(boolean batched, int n) {
    String ns = "bench-e-" + UUID.randomUUID().toString().substring(0, 8);
    Keys keys = new Keys(ns);
    try (SyncfleetClient client = new SyncfleetClient(pool, keys, java.time.Clock.systemUTC())) {
      List<SyncJob> jobs = new ArrayList<>(n);
      long now = System.currentTimeMillis();
      for (int i = 0; i < n; i++) {
        jobs.add(SyncJob.create("acme", Channels.EBAY.id(), Operation.UPDATE_STOCK, Queue.URGENT,
            List.of(StockLevel.of("SKU-" + i, i % 50)), now));
      }
      long start = System.nanoTime();
      if (batched) {
        for (int i = 0; i < n; i += 1000) {
          client.enqueueAll(jobs.subList(i, Math.min(n, i + 1000)));
        }
      } else {
        for (SyncJob job : jobs) {
          client.enqueue(job);
        }
      }
      double rate = n / ((System.nanoTime() - start) / 1e9);
      cleanup(ns);
      return rate;
    }
  }

  /**
   * Idle latency: with {@code threads} idle threads, enqueues one job at a time (pausing between)
   * and measures enqueue-to-start. Also measures the Redis commands an idle process issues.
   * Returns {p50 ms, p99 ms, idle commands/s of Syncfleet, idle commands/s of raw Jesque}.
   */
  private double[] idle(int threads, int samples) throws Exception {
    String ns = "bench-i-" + UUID.randomUUID().toString().substring(0, 8);
    Keys keys = new Keys(ns);
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    JobHandler timed = (envelope, fetched) -> {
      latencies.add((System.nanoTime() - envelope.args().get(0).asLong()) / 1e6);
      return Settlement.done();
    };
    Running r = start(ns, keys, threads, Map.of("Timed", timed), new RoundTripCounter());
    r.go.countDown();
    Thread.sleep(3_000);
    double ourIdle = idleCommandsPerSecond(10);
    try (Jedis j = pool.getResource()) {
      for (int i = 0; i < samples; i++) {
        Pipeline p = j.pipelined();
        p.sadd(keys.queues(), "urgent");
        p.rpush(keys.queue("urgent"), "{\"class\":\"Timed\",\"args\":[" + System.nanoTime() + "]}");
        p.rpush(keys.wake(), "1");
        p.ltrim(keys.wake(), -64, -1);
        p.sync();
        Thread.sleep(20);
      }
    }
    long deadline = System.currentTimeMillis() + 5_000;
    while (latencies.size() < samples && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    r.stop();
    cleanup(ns);

    String jns = "bench-ji-" + UUID.randomUUID().toString().substring(0, 8);
    Config config = new ConfigBuilder().withHost(base.host()).withPort(base.port())
        .withPassword(base.password()).withDatabase(base.database()).withNamespace(jns).build();
    MapBasedJobFactory factory = new MapBasedJobFactory(JesqueUtils.map(JesqueUtils.entry("Noop", NoopJob.class)));
    WorkerPool jesque = new WorkerPool(() -> new WorkerImpl(config, QUEUES, factory), threads);
    jesque.run();
    Thread.sleep(2_000);
    double jesqueIdle = idleCommandsPerSecond(5);
    jesque.end(false);
    jesque.join(5_000);
    cleanup(jns);

    double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new double[] {percentile(sorted, 50), percentile(sorted, 99), ourIdle, jesqueIdle};
  }

  private record Running(List<Processor> processors, List<Thread> threads, IdleGate gate, CountDownLatch go) {
    void stop() throws InterruptedException {
      processors.forEach(p -> p.end(false));
      gate.close();
      for (Thread t : threads) {
        t.join(10_000);
      }
    }
  }

  private Running start(String ns, Keys keys, int threads, Map<String, JobHandler> handlers, RoundTripCounter rt) {
    Config config = new ConfigBuilder().withHost(base.host()).withPort(base.port())
        .withPassword(base.password()).withDatabase(base.database()).withNamespace(ns)
        .withTimeout(TIMEOUT_MS).build();
    IdleGate gate = new IdleGate(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Processor> processors = new ArrayList<>();
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Processor p = new Processor(config, keys, QUEUES, handlers, gate, () -> rt.connect(base.host(), base.port(), TIMEOUT_MS));
      processors.add(p);
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        p.run();
      }, "bench-" + i);
      t.start();
      ts.add(t);
    }
    return new Running(processors, ts, gate, go);
  }

  private void push(Keys keys, int n, java.util.function.IntFunction<String> payload) {
    try (Jedis j = pool.getResource()) {
      Pipeline p = j.pipelined();
      p.sadd(keys.queues(), "default");
      for (int i = 0; i < n; i++) {
        p.rpush(keys.queue("default"), payload.apply(i));
        if (i % 5000 == 4999) {
          p.sync();
          p = j.pipelined();
        }
      }
      p.sync();
    }
  }

  /** Polls a counter until it reaches {@code n}; returns how many commands the polling cost. */
  private int awaitCount(String key, int n) throws InterruptedException {
    int polls = 0;
    try (Jedis j = pool.getResource()) {
      while (true) {
        polls++;
        String v = j.get(key);
        if (v != null && Long.parseLong(v) >= n) {
          return polls;
        }
        TimeUnit.MILLISECONDS.sleep(5);
      }
    }
  }

  private double idleCommandsPerSecond(int seconds) throws InterruptedException {
    long before = totalCommands();
    Thread.sleep(seconds * 1000L);
    return (totalCommands() - before - 1) / (double) seconds;
  }

  private long totalCommands() {
    try (Jedis j = pool.getResource()) {
      for (String line : j.info("stats").split("\r\n")) {
        if (line.startsWith("total_commands_processed:")) {
          return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    }
    throw new IllegalStateException("INFO stats has no total_commands_processed");
  }

  private void cleanup(String ns) {
    try (Jedis j = pool.getResource()) {
      NamespaceWipe.delete(j, ns);
    }
  }

  private static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

}
