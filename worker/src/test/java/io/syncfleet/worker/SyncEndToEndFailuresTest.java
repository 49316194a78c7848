package io.syncfleet.worker;

import static io.syncfleet.worker.EbayFleet.EBAY;
import static io.syncfleet.worker.EbayFleet.TENANT;
import static io.syncfleet.worker.EbayFleet.eventually;
import static io.syncfleet.worker.EbayFleet.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.state.DeadJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Marketplaces that throttle, fail, stall or talk garbage, and adapters that throw: nothing is lost. */
class SyncEndToEndFailuresTest {
  private EbayFleet fleet;
  private MockWebServer garbage;

  @BeforeEach
  void setUp() throws Exception {
    fleet = EbayFleet.open();
    fleet.connect(TENANT);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      fleet.close();
    } finally {
      if (garbage != null) {
        garbage.shutdown();
      }
    }
  }

  @Test
  void aBurstOfStockChangesUnderATightRateLimitIsAllDoneAndNothingDies() throws Exception {
    fleet.start(EbayFleet.realEbay(), 4, Map.of());
    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      listings.add(listing("SKU-" + i, "Item " + i, "5.00", 100));
    }
    fleet.client.upsertListings(TENANT, EBAY, listings);
    assertTrue(eventually(20_000, () -> publishedCount() == 40), "published " + publishedCount());

    fleet.ebay.setRateLimit(5, 2);
    // One job per sale, as a shop sends them: 40 calls against 5 a second.
    for (int i = 0; i < 40; i++) {
      fleet.client.setStock(TENANT, EBAY, List.of(StockLevel.of("SKU-" + i, i)));
    }

    assertTrue(eventually(45_000, () -> stockMatches(40)), "stock applied " + fleet.ebay.listings());
    assertTrue(eventually(5_000, fleet::idle));
    assertEquals(40.0, fleet.metric("syncfleet.items", "operation", "update_stock", "outcome", "done"),
        "each change done exactly once");
    assertEquals(0, fleet.dead.size(), "throttling kills nothing: " + fleet.deadJobs());
  }

  @Test
  void listingsThrottledHalfwayThroughABatchAreAllPublishedAndNothingDies() throws Exception {
    fleet.start(Map.of());
    // A listing takes three calls after the batch's bulk call, so the batch is throttled part way
    // through every run; a burst of five lets each run finish at least one listing.
    fleet.ebay.setRateLimit(5, 5);
    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      listings.add(listing("SKU-" + i, "Item " + i, "5.00", 1));
    }
    fleet.client.upsertListings(TENANT, EBAY, listings);

    assertTrue(eventually(30_000, () -> publishedCount() == 6 || fleet.dead.size() > 0), fleet::whereabouts);
    assertEquals(List.of(), fleet.deadJobs(), "throttled listings must wait, not die");
    assertEquals(6, publishedCount());
    assertTrue(fleet.ebay.throttled() > 0, "the simulator throttled");
    assertTrue(fleet.metric("syncfleet.items", "operation", "upsert_listings", "outcome", "throttled") > 0);
  }

  @Test
  void aShortOutageIsRetriedAndTheJobDone() throws Exception {
    fleet.start(Map.of());
    // Three failures outlast the in-call retries, so the job also goes through the schedule once.
    fleet.ebay.failNext(3, 503);
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-1", "Red mug", "9.99", 5)));

    assertTrue(eventually(15_000, () -> publishedCount() == 1), "published after the outage");
    assertTrue(eventually(5_000, fleet::idle));
    assertEquals(3, fleet.ebay.failed());
    assertEquals(1.0, fleet.metric("syncfleet.items", "operation", "upsert_listings", "outcome", "retried"));
    assertEquals(1.0, fleet.metric("syncfleet.items", "operation", "upsert_listings", "outcome", "done"));
    assertEquals(0, fleet.dead.size());
  }

  @Test
  void callsSlowerThanTheTimeoutEndInTheDeadSetAndTheWorkerCarriesOn() throws Exception {
    // Two attempts make six calls; the connection's breaker opens at the fifth failure, so this
    // also covers a job whose own failures open the breaker.
    fleet.start(EbayFleet.realEbay(), 1, Map.of("SYNCFLEET_MAX_ATTEMPTS", "2",
        "SYNCFLEET_CALL_TIMEOUT_SECONDS", "1"));
    fleet.ebay.setLatency(Duration.ofMillis(1_300));
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("SLOW-1", "Slow mug", "9.99", 5)));

    assertTrue(eventually(30_000, () -> fleet.dead.size() == 1), fleet::whereabouts);
    DeadJob record = fleet.deadJobs().get(0);
    assertEquals("gave up after 2 attempts", record.reason());
    assertTrue(record.errorMessage().contains("timed out"), record.errorMessage());
    assertEquals(List.of("SLOW-1"), EbayFleet.payload(record).items().stream().map(Item::sku).toList());

    // The one worker thread, interrupted by every timeout, still runs work. Another tenant's
    // connection is used because this one's breaker stays open for a while by design.
    fleet.ebay.setLatency(Duration.ZERO);
    fleet.connect("globex");
    fleet.client.upsertListings("globex", EBAY, List.of(listing("FAST-1", "Fast mug", "9.99", 5)));
    assertTrue(eventually(10_000,
        () -> fleet.ebay.listing("FAST-1").map(EbaySimListing::published).orElse(false)));
    assertEquals(1, fleet.dead.size());
  }

  @Test
  void garbageFromTheMarketplaceEndsInTheDeadSetWithTheReason() throws Exception {
    garbage = new MockWebServer();
    garbage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (Objects.equals(request.getPath(), "/identity/v1/oauth2/token")) {
          return new MockResponse().setHeader("Content-Type", "application/json")
              .setBody("{\"access_token\":\"v^1.1#garbage-test\",\"expires_in\":7200}");
        }
        return new MockResponse().setHeader("Content-Type", "text/html")
            .setBody("<html><body><h1>Service temporarily unavailable</h1></body></html>");
      }
    });
    garbage.start();
    fleet.connect(TENANT, garbage.url("/").toString(), "any-refresh-token");
    // As with timeouts, two attempts take the connection's breaker past its threshold.
    fleet.start(Map.of("SYNCFLEET_MAX_ATTEMPTS", "2"));
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-1", "Red mug", "9.99", 5)));

    assertTrue(eventually(15_000, () -> fleet.dead.size() == 1), fleet::whereabouts);
    DeadJob record = fleet.deadJobs().get(0);
    assertEquals("gave up after 2 attempts", record.reason());
    assertTrue(record.errorMessage().contains("not JSON"), record.errorMessage());
    assertEquals(List.of("MUG-1"), EbayFleet.payload(record).items().stream().map(Item::sku).toList());
    assertTrue(eventually(5_000, fleet::idle));
    assertEquals(1, fleet.counter(fleet.keys.failed()));
  }

  @Test
  void anAdapterThatThrowsSendsTheJobToTheDeadSetWithTheException() throws Exception {
    fleet.start(new AdapterRegistry(List.of(new BrokenAdapter())), 2, Map.of());
    fleet.client.setStock(TENANT, EBAY, List.of(StockLevel.of("MUG-1", 3)));

    assertTrue(eventually(20_000, () -> fleet.dead.size() == 1), fleet::whereabouts);
    DeadJob record = fleet.deadJobs().get(0);
    assertEquals("gave up after 3 attempts", record.reason());
    assertTrue(record.errorMessage().contains("NullPointerException"), record.errorMessage());
    assertEquals(List.of("MUG-1"), EbayFleet.payload(record).items().stream().map(Item::sku).toList());
    assertTrue(eventually(5_000, fleet::idle));
    assertTrue(fleet.connections.state(TENANT, "ebay").lastError().contains("NullPointerException"),
        "the connection shows the failure too");
  }

  /** An eBay adapter with a bug: it uses an offer id it never looked up. */
  private static final class BrokenAdapter implements MarketplaceAdapter {
    private final Map<String, String> offerIds = new HashMap<>();

    @Override
    public String channel() {
      return "ebay";
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(Channels.EBAY, Map.of());
    }

    @Override
    public List<Violation> validate(Listing listing) {
      return List.of();
    }

    @Override
    public BatchResult updateStock(Connection connection, List<StockLevel> items) {
      String offerId = offerIds.get(items.get(0).sku());
      return new BatchResult(List.of(ItemOutcome.done(offerId.trim())));
    }

    @Override
    public Health testConnection(Connection connection) {
      return Health.ok(null);
    }
  }

  private long publishedCount() {
    return fleet.ebay.listings().values().stream().filter(EbaySimListing::published).count();
  }

  private boolean stockMatches(int skus) {
    Map<String, EbaySimListing> listings = fleet.ebay.listings();
    for (int i = 0; i < skus; i++) {
      EbaySimListing l = listings.get("SKU-" + i);
      if (l == null || l.offerQuantity() == null || l.offerQuantity() != i) {
        return false;
      }
    }
    return true;
  }
}
