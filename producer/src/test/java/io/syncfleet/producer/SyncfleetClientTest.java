package io.syncfleet.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.producer.testing.TestRedis;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ScanParams;

class SyncfleetClientTest {
  /** The channel list the contract names in its error, whatever adapters exist. */
  private static final String KNOWN = String.join(", ",
      io.syncfleet.producer.job.Channels.all().stream().map(io.syncfleet.producer.job.ChannelSpec::id).toList());

  private static final Instant NOW = Instant.parse("2025-11-24T10:00:00Z");

  private TestRedis redis;
  private Keys keys;
  private SyncfleetClient client;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    keys = redis.keys();
    client = new SyncfleetClient(redis.pool(), keys, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    client.close();
    redis.close();
  }

  @Test
  void reportsEveryProblemWithItsFieldPathAndWritesNothing() {
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> client.setStock("acme",
        List.of("ebay", "etsy"), List.of(StockLevel.of("SKU-1", 3), new StockLevel("", 2, null),
            StockLevel.of("SKU-3", -1))));
    assertEquals(List.of(
        new Problem("channel", "unknown channel 'etsy' (known: " + KNOWN + ")"),
        new Problem("items[1].sku", "is missing"),
        new Problem("items[2].quantity", "must not be negative (was -1)")), e.problems());
    assertEquals(Set.of(), namespaceKeys());
  }

  @Test
  void rejectsNonPositivePricesAndBadCurrencies() {
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> client.setPrices("acme",
        List.of("shopify"), List.of(PriceChange.of("SKU-1", new BigDecimal("0"), "USD"),
            PriceChange.of("SKU-2", new BigDecimal("-5.00"), "usd"))));
    assertEquals(List.of(
        new Problem("items[0].amount", "must be positive (was 0)"),
        new Problem("items[1].amount", "must be positive (was -5.00)"),
        new Problem("items[1].currency", "must be a 3-letter ISO 4217 code such as USD (was usd)")),
        e.problems());
  }

  @Test
  void rejectsMissingTenantChannelsAndItems() {
    InvalidJobException e = assertThrows(InvalidJobException.class,
        () -> client.setStock(" ", List.of(), List.of()));
    assertEquals(List.of(new Problem("channels", "at least one channel is needed")), e.problems());

    e = assertThrows(InvalidJobException.class, () -> client.setStock(null, List.of("ebay"), List.of()));
    assertEquals(List.of(new Problem("tenant", "is missing"),
        new Problem("items", "update_stock needs at least one item")), e.problems());
  }

  @Test
  void findsTheSameSkuTwiceEvenAcrossBatches() {
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      levels.add(StockLevel.of("SKU-" + i, i));
    }
    levels.add(StockLevel.of("SKU-2", 9));
    InvalidJobException e = assertThrows(InvalidJobException.class,
        () -> client.setStock("acme", List.of("ebay"), levels));
    assertEquals(List.of(new Problem("items[30].sku", "SKU 'SKU-2' appears twice (first at items[2])")),
        e.problems());
  }

  @Test
  void rawEnqueueRejectsABatchOverTheChannelLimit() {
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      levels.add(StockLevel.of("SKU-" + i, 1));
    }
    SyncJob job = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT, levels, 1);
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> client.enqueue(job));
    assertEquals(List.of(new Problem("items", "batch of 26 items exceeds eBay's limit of 25 for update_stock")),
        e.problems());

    SyncJob fine = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT, levels.subList(0, 2), 1);
    e = assertThrows(InvalidJobException.class, () -> client.enqueueAll(List.of(fine, job)));
    assertEquals(List.of(new Problem("jobs[1].items", "batch of 26 items exceeds eBay's limit of 25 for update_stock")),
        e.problems());
    assertEquals(Set.of(), namespaceKeys());
  }

  @Test
  void offersEachChannelsChangesIntoItsLaneAndArmsFlushJobsForItsBatchSize() throws Exception {
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      levels.add(StockLevel.of("SKU-" + i, i));
    }
    OfferReceipt receipt = client.setStock("acme", List.of("ebay", "shopify"), levels);

    assertEquals(new Lanes.Offered(60, 0, 0, 3), receipt.of("ebay"), "eBay sends 25 a call: three flush jobs");
    assertEquals(new Lanes.Offered(60, 0, 0, 1), receipt.of("shopify"), "Shopify sends 100: one");
    assertEquals(60L, redis.<Long>with(j -> j.hlen(keys.lanePending("acme", "ebay", "update_stock"))));
    List<String> flushes = redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1));
    assertEquals(4, flushes.size());
    FlushJob first = FlushJob.from(JobCodec.envelope(flushes.get(0)));
    assertEquals(new Lane("acme", "ebay", Operation.UPDATE_STOCK), first.lane());
    assertEquals(Queue.URGENT, first.queue());
    assertEquals(1, first.slot());
    assertEquals(NOW.toEpochMilli(), first.at());
    assertEquals(Set.of("acme/ebay/update_stock", "acme/shopify/update_stock"),
        redis.with(j -> j.smembers(keys.lanes())));

    // More changes for a lane that already has its flush jobs arm no more than the lane's maximum.
    List<StockLevel> more = new ArrayList<>();
    for (int i = 60; i < 200; i++) {
      more.add(StockLevel.of("SKU-" + i, i));
    }
    assertEquals(1, client.setStock("acme", List.of("ebay"), more).of("ebay").armed());
    assertEquals(Lanes.FLUSHERS, redis.<Long>with(j -> j.scard(keys.laneFlushers("acme", "ebay", "update_stock"))));
  }

  @Test
  void anOfferKeepsTheChangeWithItsVersionAndWakesTheWorkers() throws Exception {
    OfferReceipt receipt = client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 3)));

    assertEquals(1, receipt.total().offered());
    String raw = redis.with(j -> j.hget(keys.lanePending("acme", "ebay", "update_stock"), "SKU-1"));
    Change change = Change.fromJson(raw, Operation.UPDATE_STOCK);
    assertEquals(new StockLevel("SKU-1", 3, null, NOW.toEpochMilli() * 1000), change.item(),
        "stamped with the enqueue time in microseconds");
    assertEquals(0, change.attempt());
    assertEquals(NOW.toEpochMilli(), change.enqueuedAt());
    assertEquals(Queue.URGENT, change.queue());
    assertEquals(List.of("1"), redis.with(j -> j.lrange(keys.wake(), 0, -1)));
    assertEquals(Set.of("urgent"), redis.with(j -> j.smembers(keys.queues())));
  }

  @Test
  void aNewerChangeReplacesAWaitingOneAndAnOlderOneIsRefused() throws Exception {
    String pending = keys.lanePending("acme", "ebay", "update_stock");
    client.setStock("acme", List.of("ebay"), List.of(new StockLevel("SKU-1", 5, null, 20L)));
    OfferReceipt newer = client.setStock("acme", List.of("ebay"), List.of(new StockLevel("SKU-1", 4, null, 30L)));
    OfferReceipt older = client.setStock("acme", List.of("ebay"), List.of(new StockLevel("SKU-1", 9, null, 10L)));

    assertEquals(new Lanes.Offered(1, 1, 0, 0), newer.of("ebay"));
    assertEquals(new Lanes.Offered(0, 0, 1, 0), older.of("ebay"));
    Change waiting = Change.fromJson(redis.with(j -> j.hget(pending, "SKU-1")), Operation.UPDATE_STOCK);
    assertEquals(4, ((StockLevel) waiting.item()).quantity(), "the newest value waits, alone");
    assertEquals(1L, redis.<Long>with(j -> j.hlen(pending)));
    assertEquals("1", redis.with(j -> j.hget(keys.laneStats("acme", "ebay", "update_stock"), "coalesced")));
    assertEquals("1", redis.with(j -> j.hget(keys.laneStats("acme", "ebay", "update_stock"), "stale")));
  }

  @Test
  void bulkWorkWaitsOnTheBulkQueueWithoutACoalescingWindow() throws Exception {
    client.bulkUpsertListings("acme", List.of("ebay"),
        List.of(Listing.of("L-1", "Thing", new BigDecimal("5"), "EUR", 2)));
    assertEquals(1L, llen(keys.queue("bulk")));
    assertEquals(0L, llen(keys.queue("default")));
    double score = redis.with(j -> j.zscore(keys.laneDue("acme", "ebay", "upsert_listings"), "L-1"));
    assertEquals(2e13 + NOW.toEpochMilli(), score, 0.5, "class 2, due at once (the client's clock)");
  }

  @Test
  void pipelinesLargeBatchesAndKeepsTheWakeListShort() {
    List<SyncJob> jobs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      jobs.add(SyncJob.create("acme", i % 2 == 0 ? "ebay" : "shopify", Operation.UPDATE_STOCK, Queue.URGENT,
          List.of(StockLevel.of("SKU-" + i, i)), 1));
    }
    EnqueueReceipt receipt = client.enqueueAll(jobs);

    assertEquals(10_000, receipt.jobCount());
    assertEquals(10_000L, llen(keys.queue("urgent")));
    assertTrue(llen(keys.wake()) <= 64);
    assertEquals(jobs.get(9_999).id(), receipt.jobIds("shopify").get(4_999));
  }

  @Test
  void failsLoudlyWhenRedisCannotStoreTheJob() {
    redis.with(j -> j.set(keys.lanePending("acme", "ebay", "update_stock"), "not a hash"));
    EnqueueException e = assertThrows(EnqueueException.class,
        () -> client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 3))));
    assertTrue(e.getMessage().startsWith("could not offer 1 change for acme: "), e.getMessage());
    assertTrue(e.getMessage().contains("WRONGTYPE"), e.getMessage());

    RedisSettings nowhere = new RedisSettings("127.0.0.1", 1, null, 0, keys.namespace());
    try (SyncfleetClient unreachable = new SyncfleetClient(nowhere)) {
      assertThrows(EnqueueException.class, () -> unreachable.pullOrders("acme", "ebay"));
    }
  }

  @Test
  void testConnectionReturnsTheWorkersAnswer() throws Exception {
    CompletableFuture<SyncJob> worker = CompletableFuture.supplyAsync(() -> redis.with(j -> {
      String raw = j.blpop(10, keys.queue("urgent")).get(1);
      try {
        SyncJob job = JobCodec.decode(raw);
        j.rpush(keys.reply(job.id()), "{\"ok\":true,\"account\":\"acme-store\",\"message\":\"token valid\"}");
        return job;
      } catch (MalformedJobException e) {
        throw new IllegalStateException(e);
      }
    }));
    ConnectionTestResult result = client.testConnection("acme", "ebay", Duration.ofSeconds(10));

    SyncJob asked = worker.get();
    assertEquals(Operation.TEST_CONNECTION, asked.operation());
    assertEquals(List.of(), asked.items());
    assertEquals(new ConnectionTestResult("acme", "ebay", true, true, "acme-store", "token valid"), result);
  }

  @Test
  void testConnectionWithdrawsTheTestWhenNoWorkerAnswers() {
    ConnectionTestResult result = client.testConnection("acme", "shopify", Duration.ofMillis(200));

    assertFalse(result.answered());
    assertFalse(result.ok());
    assertNull(result.account());
    assertTrue(result.message().startsWith("no worker took the test within 1s"), result.message());
    assertEquals(0L, llen(keys.queue("urgent")));
  }

  private List<SyncJob> queued(Queue queue) throws MalformedJobException {
    List<SyncJob> out = new ArrayList<>();
    for (String raw : redis.with(j -> j.lrange(keys.queue(queue.queueName()), 0, -1))) {
      out.add(JobCodec.decode(raw));
    }
    return out;
  }

  private long llen(String key) {
    return redis.<Long>with(j -> j.llen(key));
  }

  private Set<String> namespaceKeys() {
    return redis.with(j -> new TreeSet<>(j.scan(ScanParams.SCAN_POINTER_START,
        new ScanParams().match(keys.namespace() + ":*").count(1000)).getResult()));
  }
}
