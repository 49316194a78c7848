package io.syncfleet.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.resync.Resyncs;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.state.Queues;
import io.syncfleet.producer.testing.ResyncCounts;
import io.syncfleet.producer.testing.TestRedis;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;

/**
 * A namespace seeded the way producers and workers write it: jobs enqueued through the client, a
 * paused queue, a live and a dead worker process, retries on the schedule, dead records as the
 * worker's settle script stores them, encrypted connections with recorded health, an order stream
 * with a consumer group, per-minute counters, and two resync records (one finished, one running)
 * counted as the workers count them.
 */
final class FleetSeed {
  /** Every secret value seeded anywhere; none may appear in any response. */
  static final List<String> SECRETS = List.of("ebay-client-id-0c1d2e3f", "ebay-client-secret-6f1e2d9c",
      "ebay-refresh-token-9a8b7c6d", "shpat-shopify-token-4d5e6f7a", "globex-refresh-token-1a2b3c4d",
      "settings-api-key-5b6c7d8e", "payload-api-key-7e8f9a0b", "error-refresh-token-3c4d5e6f");
  static final String LIVE_PROCESS = "web-1:4242:ab12cd";
  static final String DEAD_PROCESS = "web-2:977:ef34gh";
  static final String DEAD_STOCK = "dead-stock-1";
  static final String DEAD_PRICE = "dead-price-1";
  static final String DEAD_UNREADABLE = "dead-unreadable-1";

  final long now = System.currentTimeMillis();
  /** A finished resync of globex on eBay. */
  String finishedResync;
  /** A resync of acme, draining on eBay (60 done, 2 failed, 3 superseded of 100) and offering on Shopify. */
  String runningResync;
  private final TestRedis redis;
  private final Keys keys;

  private FleetSeed(TestRedis redis) {
    this.redis = redis;
    this.keys = redis.keys();
  }

  static FleetSeed into(TestRedis redis) {
    FleetSeed seed = new FleetSeed(redis);
    seed.queues();
    seed.processes();
    seed.schedule();
    seed.deadJobs();
    seed.connections();
    seed.orders();
    seed.counters();
    seed.resyncs();
    return seed;
  }

  private void queues() {
    // Enqueued 90 s ago, so the queues have an age to show.
    Clock earlier = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-90));
    try (SyncfleetClient client = new SyncfleetClient(redis.pool(), keys, earlier)) {
      client.setStock("acme", List.of("ebay", "shopify"), List.of(StockLevel.of("SKU-1", 3), StockLevel.of("SKU-2", 0)));
      client.upsertListings("acme", List.of("ebay"), List.of(listing("SKU-1")));
      client.bulkUpsertListings("acme", List.of("shopify"), List.of(listing("SKU-1"), listing("SKU-2"), listing("SKU-3")));
    }
    new Queues(redis.pool(), keys, Clock.systemUTC()).pause("bulk");
  }

  private static Listing listing(String sku) {
    return Listing.of(sku, "Trail shoe " + sku, new BigDecimal("59.90"), "EUR", 12);
  }

  private void processes() {
    redis.with(j -> {
      j.zadd(keys.processes(), now - 2_000, LIVE_PROCESS);
      j.hset(keys.process(LIVE_PROCESS), Map.of("host", "web-1", "pid", "4242",
          "startedAt", Long.toString(now - 3_600_000), "heartbeatAt", Long.toString(now - 2_000),
          "concurrency", "8", "queues", "urgent,default,bulk", "busy", "1",
          "threads", "[{\"thread\":\"processor-3\",\"jobId\":\"k3x9-77\",\"tenant\":\"acme\",\"channel\":\"ebay\","
              + "\"op\":\"update_stock\",\"queue\":\"urgent\",\"since\":" + (now - 4_000) + "}]"));
      // A process killed without leaving: its description expired, its registration stays.
      j.zadd(keys.processes(), now - 120_000, DEAD_PROCESS);
      return null;
    });
  }

  private void schedule() {
    SyncJob failed = SyncJob.create("acme", "ebay", Operation.UPDATE_PRICES, Queue.URGENT,
        List.of(PriceChange.of("SKU-9", new BigDecimal("19.99"), "EUR")), now - 60_000);
    SyncJob retry = failed.retry(failed.items(), "HTTP 503 from the marketplace", now - 30_000);
    redis.with(j -> j.zadd(keys.schedule(), now + 300_000, JobCodec.encode(retry)));
  }

  private void deadJobs() {
    SyncJob stock = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("SKU-404", 5)), now - 600_000).retry(List.of(StockLevel.of("SKU-404", 5)), "HTTP 500", now - 300_000);
    bury(new DeadJob(DEAD_STOCK, now - 120_000, "urgent", "acme", "ebay", "update_stock", 2,
        "rejected by the marketplace", "25702", "SKU SKU-404 does not exist",
        List.of(new DeadJob.ItemError("SKU-404", "25702", "SKU SKU-404 does not exist")), "web-1:processor-2",
        JobCodec.encode(stock)));

    SyncJob price = SyncJob.create("acme", "shopify", Operation.UPDATE_PRICES, Queue.URGENT,
        List.of(PriceChange.of("SKU-7", new BigDecimal("24.00"), "EUR")), now - 500_000);
    bury(new DeadJob(DEAD_PRICE, now - 60_000, "urgent", "acme", "shopify", "update_prices", 10,
        "gave up after 10 attempts", "INTERNAL",
        "upstream said: refresh_token=" + SECRETS.get(7) + " is invalid", List.of(), "web-1:processor-5",
        JobCodec.encode(price)));

    bury(new DeadJob(DEAD_UNREADABLE, now - 30_000, "default", null, null, null, 1,
        "malformed payload: missing field tenant", null, null, List.of(), "web-1:processor-1",
        "{\"class\":\"SyncJob\",\"args\":[{\"v\":1,\"op\":\"update_stock\",\"api_key\":\"" + SECRETS.get(6) + "\"}]}"));
  }

  /** Stores a dead record as the worker's settle script does. */
  void bury(DeadJob dead) {
    try {
      String record = Json.MAPPER.writeValueAsString(dead);
      redis.with(j -> {
        j.zadd(keys.dead(), dead.failedAt(), dead.id());
        j.hset(keys.deadRecords(), dead.id(), record);
        j.incr(keys.failed());
        return null;
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void connections() {
    ConnectionStore store = new ConnectionStore(redis.pool(), keys,
        new SecretBox(Base64.getDecoder().decode(SecretBox.newKey())));
    store.put("acme", "ebay", Environment.SANDBOX, Map.of("marketplace_id", "EBAY_US"),
        Map.of("client_id", SECRETS.get(0), "client_secret", SECRETS.get(1), "refresh_token", SECRETS.get(2)));
    store.put("acme", "shopify", Environment.PRODUCTION, Map.of("shop", "acme.myshopify.com"),
        Map.of("access_token", SECRETS.get(3)));
    store.put("globex", "ebay", Environment.PRODUCTION,
        Map.of("marketplace_id", "EBAY_DE", "legacy_api_key", SECRETS.get(5)),
        Map.of("refresh_token", SECRETS.get(4)));
    store.recordOutcome("acme", "ebay", null);
    store.recordThrottle("acme", "ebay");
    store.recordThrottle("acme", "ebay");
    store.recordOutcome("acme", "shopify", "HTTP 502 Bad Gateway");
    store.recordCircuit("acme", "shopify", "open");
    store.pause("globex", "ebay", "invalid_grant: the refresh token was revoked");
  }

  @SuppressWarnings("unchecked") // xreadGroup's varargs of Map.Entry
  private void orders() {
    String stream = keys.orders("acme");
    redis.with(j -> {
      for (int i = 1; i <= 3; i++) {
        j.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("channel", "ebay", "orderId", "O-" + i, "status", "paid"));
      }
      j.xgroupCreate(stream, "erp", new StreamEntryID(0, 0), false);
      j.xreadGroup("erp", "erp-1", 1, 0, false, Map.entry(stream, StreamEntryID.UNRECEIVED_ENTRY));
      j.hset(keys.orderCursors(), "acme/ebay", "{\"since\":\"2026-01-01T00:00:00Z\"}");
      return null;
    });
  }

  private void resyncs() {
    Resyncs resyncs = new Resyncs(redis.pool(), keys, Clock.systemUTC());
    finishedResync = resyncs.start("globex", List.of("ebay"), "globex.jsonl").id();
    resyncs.offered(finishedResync, "globex", "ebay", 5);
    ResyncCounts.settle(redis, finishedResync, "globex", "ebay", "done", 5);
    runningResync = resyncs.start("acme", List.of("ebay", "shopify"), "catalog.jsonl").id();
    resyncs.heartbeat(runningResync, Map.of("ebay", 100L, "shopify", 40L));
    resyncs.offered(runningResync, "acme", "ebay", 100);
    ResyncCounts.settle(redis, runningResync, "acme", "ebay", "done", 60);
    ResyncCounts.settle(redis, runningResync, "acme", "ebay", "failed", 2);
    ResyncCounts.settle(redis, runningResync, "acme", "ebay", "superseded", 3);
  }

  private void counters() {
    long minute = now / 60_000;
    redis.with(j -> {
      j.set(keys.processed(), "1234");
      for (int i = 0; i < 10; i++) {
        j.set(keys.statMinute("processed", minute - i), Integer.toString(40 + i));
        j.set(keys.statMinute("failed", minute - i), Integer.toString(i % 3));
      }
      return null;
    });
  }
}
