package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lanes read model over changes offered by the client and a busy SKU as a flusher marks it. */
class LanesViewTest {
  private TestRedis redis;
  private Keys keys;
  private LanesView view;

  @BeforeEach
  void open() {
    redis = TestRedis.open();
    keys = redis.keys();
    view = new LanesView(redis.pool(), keys);
  }

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void showsWaitingInFlightAndTheOfferCounters() {
    try (SyncfleetClient client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC(), Duration.ofSeconds(1))) {
      client.setStock("acme", List.of("ebay", "shopify"), List.of(StockLevel.of("SKU-1", 3), StockLevel.of("SKU-2", 0),
          StockLevel.of("SKU-3", 9)));
      client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 2)));
      client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-2", 7).withVersion(1L)));
      client.upsertListings("globex", List.of("shopify"),
          List.of(Listing.of("L-1", "Lamp", new BigDecimal("19.90"), "EUR", 4)));
    }
    // A flusher in slot 1 is sending SKU-3 right now.
    redis.with(j -> {
      j.hdel(keys.lanePending("acme", "ebay", "update_stock"), "SKU-3");
      return j.hset(keys.laneBusy("acme", "ebay", "update_stock"), "SKU-3", "1");
    });

    List<LaneView> lanes = view.all();
    assertEquals(List.of("acme/ebay/update_stock", "acme/shopify/update_stock", "globex/shopify/upsert_listings"),
        lanes.stream().map(LaneView::id).toList());
    assertEquals(new LaneView("acme", "ebay", "update_stock", 2, 1, 4, 1, 1), lanes.get(0));
    assertEquals(new LaneView("acme", "shopify", "update_stock", 3, 0, 3, 0, 0), lanes.get(1));
    assertEquals(new LaneView("globex", "shopify", "upsert_listings", 1, 0, 1, 0, 0), lanes.get(2));
    assertEquals(lanes, FleetStatus.capture(redis.pool(), keys, Clock.systemUTC(), 0).lanes());
  }

  @Test
  void anIdleLaneAskedForByIdKeepsItsCounters() {
    redis.with(j -> j.hset(keys.laneStats("acme", "ebay", "update_prices"), "offered", "12"));
    redis.with(j -> j.hset(keys.laneStats("acme", "ebay", "update_prices"), "coalesced", "5"));
    assertEquals(List.of(), view.all());
    assertEquals(List.of(new LaneView("acme", "ebay", "update_prices", 0, 0, 12, 5, 0)),
        view.allAnd(List.of("acme/ebay/update_prices", "not-a-lane-id")));
  }
}
