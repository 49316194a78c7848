package io.syncfleet.demo.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.shopify.ShopifyAdapter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Shopify adapter against the Shopify simulator over real HTTP, checked on the shop's state. */
class ShopifySimulatorTest {
  private static final String TOKEN = "shpat_sim_test";

  private ShopifySimulator shop;
  private ShopifyAdapter adapter;
  private Connection connection;

  @BeforeEach
  void start() throws Exception {
    shop = new ShopifySimulator(TOKEN);
    shop.start(0);
    adapter = new ShopifyAdapter(MarketplaceHttp.create(Clock.systemUTC()));
    connection = connection(TOKEN);
  }

  @AfterEach
  void stop() {
    shop.close();
  }

  private Connection connection(String token) {
    return new Connection("acme", "shopify", Environment.PRODUCTION, Map.of(Connection.BASE_URL, shop.baseUrl()),
        Secrets.of(Map.of(ShopifyAdapter.ACCESS_TOKEN, token)), 1);
  }

  private static Listing mug(String title) {
    return Listing.of("MUG-1", title, new BigDecimal("12.50"), "EUR", 8)
        .withDetails("<p>Enamel</p>", "Acme", null)
        .withImages(List.of("https://cdn.example.com/mug.jpg"));
  }

  private static Listing tee(String sku, String size) {
    return Listing.of(sku, "Logo tee", new BigDecimal("20.00"), "EUR", 3).asVariant("TEE", Map.of("Size", size));
  }

  private static void assertAllDone(BatchResult result) {
    assertTrue(result.outcomes().stream().allMatch(o -> o.status() == ItemOutcome.Status.DONE), result.toString());
  }

  @Test
  void catalogStockPricesAndDeletesReachTheShop() {
    Health health = adapter.testConnection(connection);
    assertTrue(health.ok());
    assertEquals("Simulated Shop", health.account());

    assertAllDone(adapter.upsertListings(connection, List.of(mug("Mug"), tee("TEE-S", "S"), tee("TEE-M", "M"))));
    assertEquals(2, shop.productCount());
    Map<String, ShopifySimVariant> variants = shop.variantsBySku();
    ShopifySimVariant mug = variants.get("MUG-1");
    assertEquals("Mug", mug.title());
    assertEquals(new BigDecimal("12.50"), mug.price());
    assertEquals(8, mug.quantity(), "the listing's quantity lands at the shop's first location");
    assertTrue(mug.tracked());
    assertEquals(List.of("https://cdn.example.com/mug.jpg"), shop.imagesOf("MUG-1"));
    assertEquals(variants.get("TEE-S").productId(), variants.get("TEE-M").productId(), "one product, two variants");
    assertEquals(Map.of("Size", "M"), variants.get("TEE-M").options());

    // Running the same upsert again updates; a new variant of the group joins its product and keeps the others.
    assertAllDone(adapter.upsertListings(connection, List.of(mug("Enamel mug"))));
    assertAllDone(adapter.upsertListings(connection, List.of(tee("TEE-L", "L"))));
    variants = shop.variantsBySku();
    assertEquals(2, shop.productCount());
    assertEquals("Enamel mug", variants.get("MUG-1").title());
    assertEquals(mug.variantId(), variants.get("MUG-1").variantId());
    assertEquals(Set.of("TEE-S", "TEE-M", "TEE-L", "MUG-1"), variants.keySet());
    assertEquals(variants.get("TEE-S").productId(), variants.get("TEE-L").productId());

    BatchResult stock = adapter.updateStock(connection,
        List.of(StockLevel.of("TEE-S", 4), StockLevel.of("MUG-1", 0), StockLevel.of("NOPE", 1)));
    assertEquals(ItemOutcome.Status.DONE, stock.outcomes().get(0).status());
    assertEquals(ItemOutcome.Status.DONE, stock.outcomes().get(1).status());
    assertEquals("SKU_NOT_FOUND", stock.outcomes().get(2).code());
    assertEquals(4, shop.variantsBySku().get("TEE-S").quantity());
    assertEquals(0, shop.variantsBySku().get("MUG-1").quantity());

    assertAllDone(adapter.updatePrices(connection, List.of(
        new PriceChange("TEE-M", new BigDecimal("22.00"), "EUR", new BigDecimal("25.00")),
        PriceChange.of("MUG-1", new BigDecimal("9.90"), "EUR"))));
    variants = shop.variantsBySku();
    assertEquals(new BigDecimal("22.00"), variants.get("TEE-M").price());
    assertEquals(new BigDecimal("25.00"), variants.get("TEE-M").compareAtPrice());
    assertEquals(new BigDecimal("9.90"), variants.get("MUG-1").price());
    assertNull(variants.get("MUG-1").compareAtPrice());
    assertEquals(new BigDecimal("20.00"), variants.get("TEE-S").price(), "other variants keep their price");

    assertAllDone(adapter.deleteListings(connection,
        List.of(new SkuRef("TEE-S"), new SkuRef("MUG-1"), new SkuRef("GONE"))));
    assertEquals(1, shop.productCount(), "the mug's product went with its only variant");
    assertEquals(Set.of("TEE-M", "TEE-L"), shop.variantsBySku().keySet());
  }

  @Test
  void shopRefusalsComeBackPerItemWithShopifysCodes() {
    Listing negative = Listing.of("BAD-1", "Broken", new BigDecimal("-1.00"), "EUR", 1);
    BatchResult upsert = adapter.upsertListings(connection, List.of(negative, mug("Mug"), tee("TEE-S", "S")));
    ItemOutcome refused = upsert.outcomes().get(0);
    assertEquals(ItemOutcome.Status.FAILED, refused.status());
    assertEquals("INVALID_VARIANT", refused.code());
    assertTrue(refused.message().contains("greater than or equal to 0"), refused.message());
    assertEquals(ItemOutcome.Status.DONE, upsert.outcomes().get(1).status());
    assertEquals(ItemOutcome.Status.DONE, upsert.outcomes().get(2).status());
    assertFalse(shop.variantsBySku().containsKey("BAD-1"));

    BatchResult stock = adapter.updateStock(connection,
        List.of(new StockLevel("TEE-S", 5, "999"), StockLevel.of("MUG-1", 6)));
    assertEquals("INVALID_LOCATION", stock.outcomes().get(0).code());
    assertEquals(ItemOutcome.Status.DONE, stock.outcomes().get(1).status(), "the good quantity is sent again alone");
    assertEquals(6, shop.variantsBySku().get("MUG-1").quantity());
    assertEquals(3, shop.variantsBySku().get("TEE-S").quantity(), "the refused quantity changed nothing");
  }

  @Test
  void ordersArePulledAcrossPagesThenOnlyChangesSinceTheMark() {
    adapter.upsertListings(connection, List.of(mug("Mug")));
    Set<String> seeded = new HashSet<>(shop.seedOrders(45));

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
    assertEquals(3, pages, "20 orders a page");
    assertEquals(seeded, pulled.stream().map(Order::orderId).collect(Collectors.toSet()));
    assertEquals(45, pulled.size());
    Order first = pulled.get(0);
    assertEquals(Order.Status.PAID, first.status());
    assertEquals("MUG-1", first.lines().get(0).sku());
    assertEquals(new BigDecimal("12.50"), first.total());
    assertTrue(pulled.stream().anyMatch(o -> o.status() == Order.Status.CANCELLED));
    assertTrue(pulled.stream().anyMatch(o -> o.status() == Order.Status.SHIPPED));

    Set<String> fresh = new HashSet<>(shop.seedOrders(3));
    OrderPage next = adapter.fetchOrders(connection, cursor);
    Set<String> again = new HashSet<>(next.orders().stream().map(Order::orderId).toList());
    assertTrue(again.containsAll(fresh), "new orders arrive: " + again);
    assertTrue(again.size() <= 4, "only the orders at the mark come again: " + again);
    assertFalse(next.hasMore());
  }

  @Test
  void shopifyStyleThrottlingReachesTheAdapterWithTheWaitItNeeds() {
    shop.setRateLimit(1, 1);
    assertTrue(adapter.testConnection(connection).ok());
    RateLimitedFailure throttled = assertThrows(RateLimitedFailure.class,
        () -> adapter.updateStock(connection, List.of(StockLevel.of("MUG-1", 1))));
    assertEquals(200, throttled.httpStatus());
    assertEquals("THROTTLED", throttled.code());
    // One call a second, and one was just made: the wait computed from the cost report is most of a second.
    Duration wait = throttled.retryAfter().orElseThrow();
    assertTrue(wait.compareTo(Duration.ofMillis(500)) > 0, wait.toString());
    assertTrue(wait.compareTo(Duration.ofMillis(1001)) <= 0, wait.toString());
    assertEquals(1, shop.throttled());
  }

  @Test
  void aWrongTokenFailsTheConnectionTest() {
    Health health = adapter.testConnection(connection("shpat_wrong"));
    assertFalse(health.ok());
    assertTrue(health.message().contains("Invalid API key"), health.message());
  }
}
