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
  void splitsEachChannelIntoBatchesOfItsOwnLimit() throws Exception {
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      levels.add(StockLevel.of("SKU-" + i, i));
    }
    EnqueueReceipt receipt = client.setStock("acme", List.of("ebay", "shopify"), levels);

    assertEquals(3, receipt.jobIds("ebay").size());
    assertEquals(1, receipt.jobIds("shopify").size());
    assertEquals(120, receipt.itemCount());
    List<SyncJob> queued = queued(Queue.URGENT);
    assertEquals(List.of(25, 25, 10, 60), queued.stream().map(j -> j.items().size()).toList());
    assertEquals(List.of("ebay", "ebay", "ebay", "shopify"), queued.stream().map(SyncJob::channel).toList());
    // The batches keep the caller's order: the second eBay batch starts at SKU-25.
    assertEquals("SKU-25", queued.get(1).items().get(0).sku());

    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      listings.add(Listing.of("L-" + i, "Thing " + i, new BigDecimal("9.99"), "USD", 1));
    }
    EnqueueReceipt upserts = client.upsertListings("acme", List.of("shopify"), listings);
    assertEquals(3, upserts.jobCount());
    assertEquals(List.of(10, 10, 5), queued(Queue.DEFAULT).stream().map(j -> j.items().size()).toList());
  }

  @Test
  void enqueueWritesTheJesqueLayoutAndOneWakeToken() throws Exception {
    EnqueueReceipt receipt = client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 3)));

    assertEquals(Set.of(keys.queues(), keys.queue("urgent"), keys.wake()), namespaceKeys());
    assertEquals(Set.of("urgent"), redis.with(j -> j.smembers(keys.queues())));
    assertEquals(List.of("1"), redis.with(j -> j.lrange(keys.wake(), 0, -1)));
    List<String> raw = redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1));
    assertEquals(1, raw.size());
    assertTrue(raw.get(0).startsWith("{\"class\":\"SyncJob\",\"args\":[{"), raw.get(0));
    SyncJob job = JobCodec.decode(raw.get(0));
    assertEquals(receipt.jobIds("ebay"), List.of(job.id()));
    assertEquals("acme", job.tenant());
    assertEquals(Operation.UPDATE_STOCK, job.operation());
    assertEquals(List.of(StockLevel.of("SKU-1", 3)), job.items());
    assertEquals(0, job.attempt());
    assertEquals(NOW.toEpochMilli(), job.enqueuedAt());
  }

  @Test
  void routesBulkUpsertsToTheBulkQueue() throws Exception {
    client.bulkUpsertListings("acme", List.of("ebay"),
        List.of(Listing.of("L-1", "Thing", new BigDecimal("5"), "EUR", 2)));
    assertEquals(Queue.BULK, queued(Queue.BULK).get(0).queue());
    assertEquals(0L, llen(keys.queue("default")));
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
    redis.with(j -> j.set(keys.queue("urgent"), "not a list"));
    EnqueueException e = assertThrows(EnqueueException.class,
        () -> client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 3))));
    assertTrue(e.getMessage().startsWith("could not enqueue 1 job: WRONGTYPE"), e.getMessage());

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
