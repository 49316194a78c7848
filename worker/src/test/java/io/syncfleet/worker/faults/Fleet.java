package io.syncfleet.worker.faults;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.LaneKeys;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.NamespaceWipe;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.producer.state.DeadJobs;
import io.syncfleet.producer.state.FleetStatus;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.ScanParams;
import redis.clients.jedis.ScanResult;

/**
 * A fleet of real worker processes (child JVMs) on a Redis namespace of its own, for fault
 * injection: start, SIGKILL and SIGTERM workers, enqueue work, read the outcome. Closing kills
 * what is left and deletes the namespace.
 */
public final class Fleet implements AutoCloseable {
  private final RedisSettings redis;
  private final JedisPool pool;
  private final Keys keys;
  private final String secretKey = SecretBox.newKey();
  private final Map<String, String> workerEnv = new HashMap<>();
  private final List<Process> workers = new ArrayList<>();
  private final File logs;
  private final SyncfleetClient client;
  private int started;

  public Fleet(RedisSettings base, Map<String, String> env) {
    this.redis = new RedisSettings(base.host(), base.port(), base.password(), base.database(),
        "faults-" + UUID.randomUUID().toString().substring(0, 8));
    this.pool = redis.pool(16, 10_000);
    this.keys = redis.keys();
    this.client = new SyncfleetClient(pool, keys, Clock.systemUTC());
    this.logs = new File("target/faults/" + keys.namespace());
    logs.mkdirs();
    workerEnv.put("REDIS_URL", "redis://" + redis.host() + ":" + redis.port() + "/" + redis.database());
    workerEnv.put("SYNCFLEET_NAMESPACE", keys.namespace());
    workerEnv.put("SYNCFLEET_SECRET_KEY", secretKey);
    workerEnv.put("SYNCFLEET_HTTP_PORT", "0");
    workerEnv.put("SYNCFLEET_ORDER_PULL_SECONDS", "0");
    workerEnv.put("SYNCFLEET_CONCURRENCY", "8");
    workerEnv.putAll(env);
  }

  public Keys keys() {
    return keys;
  }

  public JedisPool pool() {
    return pool;
  }

  public SyncfleetClient client() {
    return client;
  }

  /** Stores {@code c} (as a simulator hands it out) as the tenant's connection. */
  public void connect(Connection c) {
    Map<String, String> secrets = new HashMap<>();
    c.secrets().names().forEach(n -> secrets.put(n, c.secrets().require(n)));
    new ConnectionStore(pool, keys, new SecretBox(Base64.getDecoder().decode(secretKey)))
        .put(c.tenant(), c.channel(), c.environment(), c.settings(), secrets);
  }

  /** Starts one more worker process. */
  public Process startWorker() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), "io.syncfleet.worker.Launcher");
    pb.environment().putAll(workerEnv);
    pb.redirectErrorStream(true).redirectOutput(new File(logs, "worker-" + (++started) + ".log"));
    Process p = pb.start();
    workers.add(p);
    return p;
  }

  /** Live worker processes started by this fleet. */
  List<Process> running() {
    workers.removeIf(p -> !p.isAlive());
    return List.copyOf(workers);
  }

  /** Waits until {@code n} worker processes send heartbeats. */
  public void awaitWorkers(int n) throws InterruptedException {
    if (!eventually(30_000, () -> FleetStatus.capture(pool, keys, Clock.systemUTC(), 1).liveProcesses() >= n)) {
      throw new IllegalStateException(n + " workers did not report in 30 s; logs in " + logs);
    }
  }

  /** One upsert job per listing, each with a single item. */
  List<String> enqueueListings(String tenant, String channel, int count, String skuPrefix) {
    List<SyncJob> jobs = new ArrayList<>();
    List<String> skus = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      String sku = skuPrefix + i;
      skus.add(sku);
      jobs.add(SyncJob.create(tenant, channel, Operation.UPSERT_LISTINGS, Queue.DEFAULT,
          List.of(listing(sku)), now));
    }
    for (int i = 0; i < jobs.size(); i += 1000) {
      client.enqueueAll(jobs.subList(i, Math.min(jobs.size(), i + 1000)));
    }
    return skus;
  }

  public static Listing listing(String sku) {
    return Listing.of(sku, "Item " + sku, new BigDecimal("12.50"), "USD", 7)
        .withImages(List.of("https://img.example.com/" + sku + ".jpg"));
  }

  /**
   * Work not yet done: sync jobs waiting, scheduled or in flight, and changes waiting or being sent
   * in lanes. Flush jobs are not counted: they carry no work, only a lane's turn. Nor are the changes
   * of a paused connection: they wait for its credentials, parked.
   */
  long pending() {
    try (Jedis j = pool.getResource()) {
      long n = work(j.zrange(keys.schedule(), 0, -1));
      for (String q : List.of("urgent", "default", "bulk")) {
        n += work(j.lrange(keys.queue(q), 0, -1));
      }
      for (String id : j.smembers(keys.lanes())) {
        Lane lane = Lane.parse(id);
        if (!"1".equals(j.hget(keys.connectionState(lane.tenant(), lane.channel()), "paused"))) {
          LaneKeys k = LaneKeys.of(keys, lane);
          n += j.hlen(k.pending()) + j.hlen(k.busy());
        }
      }
      for (String k : inflightLists(j)) {
        n += work(j.lrange(k, 0, -1));
      }
      return n;
    }
  }

  private static long work(java.util.Collection<String> payloads) {
    return payloads.stream().filter(p -> !p.startsWith("{\"class\":\"" + FlushJob.JOB_CLASS + "\"")).count();
  }

  long inflight() {
    try (Jedis j = pool.getResource()) {
      return inflight(j);
    }
  }

  private long inflight(Jedis j) {
    long n = 0;
    for (String k : inflightLists(j)) {
      n += j.llen(k);
    }
    return n;
  }

  private List<String> inflightLists(Jedis j) {
    List<String> lists = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(keys.namespace() + ":inflight:*").count(500);
    do {
      ScanResult<String> page = j.scan(cursor, match);
      lists.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!"0".equals(cursor));
    return lists;
  }

  DeadJobs dead() {
    return new DeadJobs(pool, keys, Clock.systemUTC());
  }

  /** The dead set's size, read through a pool whose connections a Redis restart may have broken. */
  long deadAfterRestart() {
    for (int attempt = 0; ; attempt++) {
      try {
        return dead().size();
      } catch (redis.clients.jedis.exceptions.JedisConnectionException e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  public static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      // Conditions read whole simulator snapshots; polling gently keeps the simulators responsive.
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : workers) {
      p.destroyForcibly();
    }
    for (Process p : workers) {
      p.waitFor(10, TimeUnit.SECONDS);
    }
    try (Jedis j = pool.getResource()) {
      NamespaceWipe.delete(j, keys.namespace());
    } catch (RuntimeException e) {
      // Redis may be the thing a scenario stopped; the namespace is unique, so leftovers are harmless.
    }
    client.close();
    pool.close();
  }
}
