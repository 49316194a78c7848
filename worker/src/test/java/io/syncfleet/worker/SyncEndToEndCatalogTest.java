package io.syncfleet.worker;

import static io.syncfleet.worker.EbayFleet.EBAY;
import static io.syncfleet.worker.EbayFleet.TENANT;
import static io.syncfleet.worker.EbayFleet.eventually;
import static io.syncfleet.worker.EbayFleet.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.state.DeadJob;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listings, stock and prices from the producer's client to the simulated eBay through a real worker. */
class SyncEndToEndCatalogTest {
  private EbayFleet fleet;

  @BeforeEach
  void setUp() throws Exception {
    fleet = EbayFleet.open();
    fleet.connect(TENANT);
    fleet.start(Map.of());
  }

  @AfterEach
  void tearDown() {
    fleet.close();
  }

  @Test
  void listingsStockAndPricesLandOnTheMarketplace() throws Exception {
    fleet.client.upsertListings(TENANT, EBAY, List.of(
        listing("MUG-1", "Red mug", "9.99", 5),
        listing("MUG-2", "Blue mug", "8.50", 2),
        listing("BOWL-1", "Green bowl", "12.00", 8)));
    assertTrue(eventually(10_000, () -> publishedCount() == 3), "listings published: " + fleet.ebay.listings());

    // Stock and prices go out only once the listings exist: they address the listings' offers.
    fleet.client.setStock(TENANT, EBAY, List.of(StockLevel.of("MUG-1", 1), StockLevel.of("BOWL-1", 0)));
    fleet.client.setPrices(TENANT, EBAY, List.of(PriceChange.of("MUG-2", new BigDecimal("7.25"), "USD")));
    assertTrue(eventually(10_000, () -> fleet.idle()), "every change sent");

    Map<String, EbaySimListing> listings = fleet.ebay.listings();
    assertEquals("Red mug", listings.get("MUG-1").title());
    assertEquals(1, listings.get("MUG-1").quantity());
    assertEquals(1, listings.get("MUG-1").offerQuantity());
    assertEquals(0, listings.get("BOWL-1").offerQuantity());
    assertEquals(2, listings.get("MUG-2").offerQuantity(), "untouched by the stock change");
    assertEquals(new BigDecimal("7.25"), listings.get("MUG-2").price());
    assertEquals(new BigDecimal("9.99"), listings.get("MUG-1").price(), "untouched by the price change");

    assertEquals(0, fleet.dead.size());
    assertEquals(0, fleet.counter(fleet.keys.failed()));
    assertTrue(fleet.idle(), "nothing left queued, scheduled or in flight");
    assertEquals(3.0, fleet.metric("syncfleet.items", "operation", "upsert_listings", "outcome", "done"));
    assertEquals(2.0, fleet.metric("syncfleet.items", "operation", "update_stock", "outcome", "done"));
    assertEquals(1.0, fleet.metric("syncfleet.items", "operation", "update_prices", "outcome", "done"));
  }

  @Test
  void aListingBreakingEbayRulesAloneGoesToTheDeadSetWithTheRule() throws Exception {
    String longTitle = "Handmade stoneware mug with a glaze in deep ocean blue, dishwasher safe, 350 ml, set";
    fleet.client.upsertListings(TENANT, EBAY, List.of(
        listing("MUG-1", "Red mug", "9.99", 5),
        listing("MUG-LONG", longTitle, "19.00", 3),
        listing("MUG-2", "Blue mug", "8.50", 2)));

    assertTrue(eventually(10_000, () -> fleet.dead.size() == 1 && publishedCount() == 2),
        "dead " + fleet.deadJobs() + ", listings " + fleet.ebay.listings().keySet());
    assertEquals(Set.of("MUG-1", "MUG-2"), fleet.ebay.listings().keySet(), "the bad listing was never sent");
    DeadJob record = fleet.deadJobs().get(0);
    assertEquals(TENANT, record.tenant());
    assertEquals("upsert_listings", record.operation());
    assertEquals("VALIDATION", record.errorCode());
    assertTrue(record.errorMessage().contains("title must be at most 80 characters"), record.errorMessage());
    assertEquals(List.of("MUG-LONG"), record.items().stream().map(DeadJob.ItemError::sku).toList());
    SyncJob remaining = EbayFleet.payload(record);
    assertEquals(List.of("MUG-LONG"), remaining.items().stream().map(Item::sku).toList());
    assertEquals(longTitle, ((Listing) remaining.items().get(0)).title(), "kept as sent, for a person to fix");

    // A retry runs only the bad item: it makes no marketplace call and comes back as one record.
    long callsBefore = fleet.ebay.requests();
    assertTrue(fleet.dead.retry(record.id()));
    assertTrue(eventually(10_000, () -> fleet.deadJobs().stream().anyMatch(d -> !d.id().equals(record.id()))));
    assertEquals(1, fleet.dead.size());
    DeadJob again = fleet.deadJobs().get(0);
    assertEquals(List.of("MUG-LONG"), EbayFleet.payload(again).items().stream().map(Item::sku).toList());
    assertEquals(1, again.attempts(), "a retry from the dead set starts its attempts afresh");
    assertEquals(callsBefore, fleet.ebay.requests());
  }

  @Test
  void stockForASkuEbayDoesNotKnowIsDeadWithEbaysOwnErrorWhileTheRestLands() throws Exception {
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-1", "Red mug", "9.99", 5)));
    assertTrue(eventually(10_000, () -> publishedCount() == 1));

    fleet.client.setStock(TENANT, EBAY, List.of(StockLevel.of("MUG-1", 4), StockLevel.of("GHOST-1", 3)));

    assertTrue(eventually(10_000, () -> fleet.dead.size() == 1), "dead " + fleet.deadJobs());
    assertEquals(4, fleet.ebay.listing("MUG-1").orElseThrow().offerQuantity());
    DeadJob record = fleet.deadJobs().get(0);
    assertEquals("update_stock", record.operation());
    assertEquals("25702", record.errorCode(), "eBay's own error id");
    assertTrue(record.errorMessage().contains("GHOST-1"), record.errorMessage());
    assertEquals(List.of("GHOST-1"), EbayFleet.payload(record).items().stream().map(Item::sku).toList());
    assertEquals("item rejected by ebay", record.reason());
    assertTrue(eventually(5_000, fleet::idle), "the job ended: one item done, one dead");
  }

  private long publishedCount() {
    return fleet.ebay.listings().values().stream().filter(EbaySimListing::published).count();
  }
}
