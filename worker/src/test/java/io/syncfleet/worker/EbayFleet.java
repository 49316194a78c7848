package io.syncfleet.worker;

import io.micrometer.core.instrument.Counter;
import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.ebay.EbayAdapter;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.state.DeadJobs;
import io.syncfleet.producer.testing.TestRedis;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One end-to-end world for worker tests: a fresh Redis namespace, a simulated eBay, connections
 * stored encrypted as the CLI would, the producer's client and an in-process worker whose secret
 * key matches. Closing stops the worker and the simulator and deletes the namespace.
 */
final class EbayFleet implements AutoCloseable {
  static final String TENANT = "acme";
  static final List<String> EBAY = List.of("ebay");

  final TestRedis redis;
  final Keys keys;
  final EbaySimulator ebay;
  final ConnectionStore connections;
  final SyncfleetClient client;
  final DeadJobs dead;
  private final String secretKey = SecretBox.newKey();
  private Launcher worker;

  private EbayFleet(TestRedis redis, EbaySimulator ebay) {
    this.redis = redis;
    this.keys = redis.keys();
    this.ebay = ebay;
    this.connections = new ConnectionStore(redis.pool(), keys,
        SecretBox.fromEnv(Map.of(SecretBox.KEY_ENV, secretKey)));
    this.client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC());
    this.dead = new DeadJobs(redis.pool(), keys, Clock.systemUTC());
  }

  /** A fleet around a simulated eBay that accepts its default credentials. */
  static EbayFleet open() throws IOException {
    return open(new EbaySimulator());
  }

  /** A fleet around {@code simulator}, which this fleet starts and closes. */
  static EbayFleet open(EbaySimulator simulator) throws IOException {
    simulator.start(0);
    try {
      return new EbayFleet(TestRedis.open(), simulator);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /** The real eBay adapter, as the worker's main method builds it. */
  static AdapterRegistry realEbay() {
    return new AdapterRegistry(List.of(new EbayAdapter(MarketplaceHttp.create(Clock.systemUTC()),
        new AccessTokenCache(Clock.systemUTC()))));
  }

  /** A listing eBay's rules accept (they require an https image). */
  static Listing listing(String sku, String title, String price, int quantity) {
    return Listing.of(sku, title, new BigDecimal(price), "USD", quantity)
        .withImages(List.of("https://img.example/" + sku + ".jpg"));
  }

  /** Stores {@code tenant}'s eBay connection to the simulator with the simulator's credentials. */
  void connect(String tenant) {
    connect(tenant, ebay.baseUrl(), EbaySimulator.REFRESH_TOKEN);
  }

  /** Stores {@code tenant}'s eBay connection to {@code baseUrl} with the given refresh token. */
  void connect(String tenant, String baseUrl, String refreshToken) {
    Map<String, String> settings = new HashMap<>(ebay.connection(tenant).settings());
    settings.put(Connection.BASE_URL, baseUrl);
    connections.put(tenant, "ebay", Environment.SANDBOX, settings, Map.of(
        "client_id", EbaySimulator.CLIENT_ID,
        "client_secret", EbaySimulator.CLIENT_SECRET,
        "refresh_token", refreshToken));
  }

  /** Starts a worker with the real eBay adapter, two threads and {@code env} on top of the defaults. */
  Launcher start(Map<String, String> env) {
    return start(realEbay(), 2, env);
  }

  /**
   * Starts a worker with the fleet's secret key and three attempts unless {@code env} says
   * otherwise. The shutdown grace outlasts an idle thread's wait on Redis, so stopping is orderly.
   */
  Launcher start(AdapterRegistry adapters, int concurrency, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put("SYNCFLEET_MAX_ATTEMPTS", "3");
    all.put("SYNCFLEET_SHUTDOWN_GRACE_SECONDS", "3");
    all.putAll(env);
    all.put(SecretBox.KEY_ENV, secretKey);
    worker = WorkerHarness.start(redis, concurrency, adapters, Map.of(), all);
    return worker;
  }

  /** Every dead record, newest first. */
  List<DeadJob> deadJobs() {
    return dead.page(0, 1000);
  }

  /** The job a dead record would run again. */
  static SyncJob payload(DeadJob record) throws MalformedJobException {
    return JobCodec.decode(record.payload());
  }

  /** A Redis counter of the namespace (Jesque's processed/failed), 0 when never written. */
  long counter(String key) {
    String v = redis.with(j -> j.get(key));
    return v == null ? 0 : Long.parseLong(v);
  }

  /** The worker's count of {@code name} with these tags (pairs), 0 when never counted. */
  double metric(String name, String... tags) {
    Counter c = worker.metrics().registry().find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  /** Nothing queued, scheduled or in flight: every job has ended where it can be seen. */
  boolean idle() {
    return redis.with(j -> {
      for (Queue q : Queue.byUrgency()) {
        if (j.llen(keys.queue(q.queueName())) > 0) {
          return false;
        }
      }
      if (j.zcard(keys.schedule()) > 0 || j.scard(keys.lanes()) > 0) {
        return false;
      }
      for (String inflight : j.keys(keys.namespace() + ":inflight:*")) {
        if (j.llen(inflight) > 0) {
          return false;
        }
      }
      return true;
    });
  }

  /** Where the jobs are now (scheduled with their last error, dead with the reason), for failure messages. */
  String whereabouts() {
    return redis.with(j -> "scheduled " + j.zrange(keys.schedule(), 0, -1) + "; dead " + deadJobs());
  }

  /** Pushes a raw Jesque payload as a producer that skipped validation would. */
  void push(String queue, String payload) {
    redis.with(j -> {
      j.sadd(keys.queues(), queue);
      j.rpush(keys.queue(queue), payload);
      return j.rpush(keys.wake(), "1");
    });
  }

  static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
    return WorkerHarness.eventually(millis, condition);
  }

  @Override
  public void close() {
    try {
      if (worker != null) {
        worker.stop();
      }
    } finally {
      ebay.close();
      client.close();
      redis.close();
    }
  }
}
