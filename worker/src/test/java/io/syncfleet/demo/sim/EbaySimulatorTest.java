package io.syncfleet.demo.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.ebay.EbayAdapter;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real eBay adapter against the simulated eBay: what the adapter does must show in its state. */
class EbaySimulatorTest {
  private final EbaySimulator sim = new EbaySimulator();
  private final EbayAdapter adapter = new EbayAdapter(MarketplaceHttp.create(Clock.systemUTC()),
      new AccessTokenCache(Clock.systemUTC()));
  private Connection connection;

  @BeforeEach
  void start() throws IOException {
    sim.start(0);
    connection = sim.connection("acme");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void listingsStockPricesAndDeletesReachTheSimulatedAccount() {
    BatchResult upserted = adapter.upsertListings(connection, List.of(
        listing("SKU-1", "Red mug", "9.99", 5),
        listing("SKU-2", "Blue cup", "4.50", 2),
        listing("SKU-3", "Green bowl", "12.00", 8),
        listing("SKU-4", "Negative stock", "1.00", -1),
        listing("SKU-5", "x".repeat(81), "1.00", 1)));

    assertEquals(List.of(Status.DONE, Status.DONE, Status.DONE, Status.FAILED, Status.FAILED), statuses(upserted));
    ItemOutcome refusedBySim = upserted.outcomes().get(3);
    assertEquals("25002", refusedBySim.code());
    assertTrue(refusedBySim.message().contains("negative"), refusedBySim.message());
    assertEquals("max_length", upserted.outcomes().get(4).code(), "refused before sending");
    assertEquals(Set.of("SKU-1", "SKU-2", "SKU-3"), sim.listings().keySet());
    EbaySimListing mug = sim.listing("SKU-1").orElseThrow();
    assertEquals("Red mug", mug.title());
    assertEquals(5, mug.quantity());
    assertEquals(5, mug.offerQuantity());
    assertEquals(new BigDecimal("9.99"), mug.price());
    assertEquals("USD", mug.currency());
    assertTrue(mug.published());

    BatchResult again = adapter.upsertListings(connection, List.of(listing("SKU-1", "Red mug, large", "8.99", 5)));
    assertEquals(List.of(Status.DONE), statuses(again));
    EbaySimListing revised = sim.listing("SKU-1").orElseThrow();
    assertEquals(mug.offerId(), revised.offerId(), "the same offer is updated, not a second one made");
    assertEquals("Red mug, large", revised.title());
    assertEquals(new BigDecimal("8.99"), revised.price());

    BatchResult stock = adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 7), StockLevel.of("SKU-2", 0), StockLevel.of("SKU-404", 3)));
    assertEquals(List.of(Status.DONE, Status.DONE, Status.FAILED), statuses(stock));
    assertEquals("25702", stock.outcomes().get(2).code());
    assertEquals(7, sim.listing("SKU-1").orElseThrow().quantity());
    assertEquals(7, sim.listing("SKU-1").orElseThrow().offerQuantity());
    assertEquals(0, sim.listing("SKU-2").orElseThrow().offerQuantity());

    BatchResult prices = adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-2", new BigDecimal("5.25"), "USD"), PriceChange.of("SKU-404", BigDecimal.ONE, "USD")));
    assertEquals(List.of(Status.DONE, Status.RETRY), statuses(prices));
    assertEquals("offer_not_found", prices.outcomes().get(1).code());
    assertEquals(new BigDecimal("5.25"), sim.listing("SKU-2").orElseThrow().price());
    assertEquals(new BigDecimal("8.99"), sim.listing("SKU-1").orElseThrow().price(), "untouched");

    BatchResult deleted = adapter.deleteListings(connection, List.of(new SkuRef("SKU-3")));
    BatchResult deletedAgain = adapter.deleteListings(connection, List.of(new SkuRef("SKU-3")));
    assertEquals(List.of(Status.DONE), statuses(deleted));
    assertEquals(List.of(Status.DONE), statuses(deletedAgain), "already gone counts as done");
    assertEquals(Set.of("SKU-1", "SKU-2"), sim.listings().keySet());
  }

  @Test
  void ordersArePulledPageByPageAndALaterChangeComesWithTheNextPull() {
    sim.seedOrders(450);

    List<Order> pulled = new ArrayList<>();
    OrderCursor cursor = OrderCursor.START;
    int pages = 0;
    OrderPage page;
    do {
      page = adapter.fetchOrders(connection, cursor);
      pulled.addAll(page.orders());
      cursor = page.next();
      pages++;
    } while (page.hasMore());

    assertEquals(3, pages, "200 + 200 + 50");
    Set<String> ids = new HashSet<>();
    pulled.forEach(o -> ids.add(o.orderId()));
    assertEquals(450, ids.size());
    EbaySimOrder latest = sim.orders().get(449);
    assertEquals(EbaySimJson.TIMESTAMP.format(latest.lastModifiedAt()), cursor.value());
    EbaySimOrder seeded = sim.orders().get(0);
    Order normalized = pulled.stream().filter(o -> o.orderId().equals(seeded.orderId())).findFirst().orElseThrow();
    assertEquals(Order.Status.PAID, normalized.status());
    assertEquals(seeded.total(), normalized.total());
    assertEquals(seeded.lines().get(0).sku(), normalized.lines().get(0).sku());
    assertEquals(seeded.lines().get(0).unitPrice(), normalized.lines().get(0).unitPrice());

    sim.addOrder(seeded.shipped(Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1)));
    OrderPage next = adapter.fetchOrders(connection, cursor);

    assertFalse(next.hasMore());
    Order shipped = next.orders().stream().filter(o -> o.orderId().equals(seeded.orderId())).findFirst().orElseThrow();
    assertEquals(Order.Status.SHIPPED, shipped.status());
    assertTrue(next.orders().size() <= 2, "only what changed since the mark, and the mark itself");
  }

  @Test
  void aRevokedTokenIsRenewedAndARefusedRefreshTokenStopsTheConnection() {
    assertTrue(adapter.testConnection(connection).ok());
    assertEquals(1, sim.tokensMinted());

    sim.revokeTokens();
    adapter.fetchOrders(connection, OrderCursor.START);
    assertEquals(2, sim.tokensMinted());

    Connection stale = new Connection("other", "ebay", connection.environment(), connection.settings(),
        Secrets.of(Map.of("client_id", EbaySimulator.CLIENT_ID, "client_secret", EbaySimulator.CLIENT_SECRET,
            "refresh_token", "revoked")), 1);
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> adapter.fetchOrders(stale, OrderCursor.START));
    assertEquals("invalid_grant", e.code());
    assertFalse(adapter.testConnection(stale).ok());
  }

  @Test
  void theSimulatorsThrottleAndFailuresReachTheAdapterTyped() {
    assertTrue(adapter.testConnection(connection).ok());
    sim.setRateLimit(0.5, 1);
    adapter.fetchOrders(connection, OrderCursor.START);

    RateLimitedFailure throttled = assertThrows(RateLimitedFailure.class,
        () -> adapter.fetchOrders(connection, OrderCursor.START));
    assertTrue(throttled.retryAfter().isPresent());

    sim.setRateLimit(0, 1);
    sim.failNext(1, 503);
    TransientFailure failed = assertThrows(TransientFailure.class,
        () -> adapter.fetchOrders(connection, OrderCursor.START));
    assertEquals(503, failed.httpStatus());
  }

  private static Listing listing(String sku, String title, String price, int quantity) {
    return Listing.of(sku, title, new BigDecimal(price), "USD", quantity)
        .withImages(List.of("https://img.example/" + sku + ".jpg"));
  }

  private static List<Status> statuses(BatchResult result) {
    return result.outcomes().stream().map(ItemOutcome::status).toList();
  }
}
