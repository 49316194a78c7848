package io.syncfleet.adapters.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.shopify.ShopifyMockShop.Call;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Order pulls: paging with Shopify's cursors, the updated_at high-water mark, and normalization. */
class ShopifyOrdersTest {
  @RegisterExtension
  final ShopifyMockShop shop = new ShopifyMockShop();

  private static String order(long id, String updatedAt, String financial, String fulfillment, String cancelledAt,
      String lines, boolean moreLines) {
    return """
        {"id":"gid://shopify/Order/%d","name":"#%d","createdAt":"2026-05-01T09:00:00Z","updatedAt":"%s",
         "cancelledAt":%s,"displayFinancialStatus":"%s","displayFulfillmentStatus":"%s",
         "totalPriceSet":{"shopMoney":{"amount":"45.50","currencyCode":"EUR"}},
         "lineItems":{"nodes":[%s],"pageInfo":{"hasNextPage":%s,"endCursor":"lines-1"}}}"""
        .formatted(id, id, updatedAt, cancelledAt == null ? "null" : "\"" + cancelledAt + "\"",
            financial, fulfillment, lines, moreLines);
  }

  private static String line(String sku, int quantity, String price) {
    return """
        {"sku":"%s","title":"Item %s","quantity":%d,
         "originalUnitPriceSet":{"shopMoney":{"amount":"%s","currencyCode":"EUR"}}}"""
        .formatted(sku, sku, quantity, price);
  }

  private void page(String hasNext, String endCursor, String... orders) {
    shop.data("{\"orders\":{\"nodes\":[" + String.join(",", orders) + "],\"pageInfo\":{\"hasNextPage\":"
        + hasNext + ",\"endCursor\":" + (endCursor == null ? "null" : "\"" + endCursor + "\"") + "}}}");
  }

  @Test
  void pullPagesThroughOneRunAndTheNextRunStartsAtTheHighWaterMark() throws Exception {
    page("true", "c1",
        order(1, "2026-05-01T10:00:00Z", "PAID", "UNFULFILLED", null, line("A", 2, "10.00"), false),
        order(2, "2026-05-01T10:05:00Z", "PENDING", "UNFULFILLED", null, line("B", 1, "5.50"), false));
    page("true", "c2",
        order(3, "2026-05-01T11:00:00Z", "PAID", "FULFILLED", null, line("A", 1, "10.00"), false));
    page("false", null,
        order(4, "2026-05-01T12:30:00Z", "REFUNDED", "UNFULFILLED", null, line("C", 1, "1.00"), false));
    page("false", null);

    var connection = shop.connection();
    OrderPage first = shop.adapter.fetchOrders(connection, OrderCursor.START);
    assertTrue(first.hasMore());
    assertEquals(2, first.orders().size());
    OrderPage second = shop.adapter.fetchOrders(connection, first.next());
    assertTrue(second.hasMore());
    OrderPage third = shop.adapter.fetchOrders(connection, second.next());
    assertFalse(third.hasMore());
    assertEquals("2026-05-01T12:30:00Z", third.next().value(), "the next run starts at the newest change seen");
    OrderPage nextRun = shop.adapter.fetchOrders(connection, third.next());
    assertFalse(nextRun.hasMore());
    assertEquals(third.next(), nextRun.next(), "an empty run keeps the mark");

    Call c1 = shop.take();
    assertEquals("OrdersUpdatedSince", c1.operation());
    assertTrue(c1.query().contains("sortKey: UPDATED_AT"));
    assertEquals(20, c1.variables().path("first").asInt());
    assertTrue(c1.variables().path("after").isNull());
    assertTrue(c1.variables().path("query").isNull(), "the first pull asks for every order");
    Call c2 = shop.take();
    assertEquals("c1", c2.variables().path("after").asText());
    assertTrue(c2.variables().path("query").isNull(), "pages of one run share one search");
    Call c3 = shop.take();
    assertEquals("c2", c3.variables().path("after").asText());
    Call c4 = shop.take();
    assertTrue(c4.variables().path("after").isNull());
    assertEquals("updated_at:>='2026-05-01T12:30:00Z'", c4.variables().path("query").asText());
  }

  @Test
  void aRunStartedFromAMarkKeepsItsSearchAcrossPages() throws Exception {
    page("true", "p1", order(7, "2026-06-01T00:00:01Z", "PAID", "UNFULFILLED", null, "", false));
    page("false", null, order(8, "2026-06-01T00:00:02Z", "PAID", "UNFULFILLED", null, "", false));

    var connection = shop.connection();
    OrderPage first = shop.adapter.fetchOrders(connection, new OrderCursor("2026-06-01T00:00:00Z"));
    OrderPage second = shop.adapter.fetchOrders(connection, first.next());

    assertEquals("updated_at:>='2026-06-01T00:00:00Z'", shop.take().variables().path("query").asText());
    Call c2 = shop.take();
    assertEquals("updated_at:>='2026-06-01T00:00:00Z'", c2.variables().path("query").asText());
    assertEquals("p1", c2.variables().path("after").asText());
    assertEquals("2026-06-01T00:00:02Z", second.next().value());
  }

  @Test
  void ordersAreNormalized() {
    page("false", null,
        order(11, "2026-05-01T10:00:00Z", "PAID", "UNFULFILLED", null,
            line("A", 2, "10.00") + "," + line("B", 1, "25.50"), false),
        order(12, "2026-05-01T10:00:00Z", "PAID", "PARTIALLY_FULFILLED", null, "", false),
        order(13, "2026-05-01T10:00:00Z", "PAID", "FULFILLED", null, "", false),
        order(14, "2026-05-01T10:00:00Z", "PAID", "UNFULFILLED", "2026-05-01T10:00:00Z", "", false),
        order(15, "2026-05-01T10:00:00Z", "REFUNDED", "FULFILLED", null, "", false),
        order(16, "2026-05-01T10:00:00Z", "PENDING", "UNFULFILLED", null, "", false),
        order(17, "2026-05-01T10:00:00Z", "AUTHORIZED", "UNFULFILLED", null, "", false));

    var orders = shop.adapter.fetchOrders(shop.connection(), OrderCursor.START).orders();

    Order paid = orders.get(0);
    assertEquals("shopify", paid.channel());
    assertEquals("11", paid.orderId());
    assertEquals(Order.Status.PAID, paid.status());
    assertEquals("PAID/UNFULFILLED", paid.marketplaceStatus());
    assertEquals(Instant.parse("2026-05-01T09:00:00Z"), paid.createdAt());
    assertEquals(Instant.parse("2026-05-01T10:00:00Z"), paid.updatedAt());
    assertEquals("EUR", paid.currency());
    assertEquals(new BigDecimal("45.50"), paid.total());
    assertEquals(new Order.Line("A", "Item A", 2, new BigDecimal("10.00")), paid.lines().get(0));
    assertEquals(new BigDecimal("25.50"), paid.lines().get(1).unitPrice());
    assertEquals(Order.Status.PARTIALLY_SHIPPED, orders.get(1).status());
    assertEquals(Order.Status.SHIPPED, orders.get(2).status());
    assertEquals(Order.Status.CANCELLED, orders.get(3).status());
    assertEquals("PAID/UNFULFILLED/CANCELLED", orders.get(3).marketplaceStatus());
    assertEquals(Order.Status.REFUNDED, orders.get(4).status());
    assertEquals(Order.Status.PENDING, orders.get(5).status());
    assertEquals(Order.Status.PAID, orders.get(6).status());
  }

  @Test
  void anOrderWithMoreLinesThanAPageHoldsGetsTheRestFetched() throws Exception {
    page("false", null, order(21, "2026-05-01T10:00:00Z", "PAID", "UNFULFILLED", null, line("A", 1, "1.00"), true));
    shop.data("""
        {"order":{"lineItems":{"nodes":[%s],"pageInfo":{"hasNextPage":true,"endCursor":"lines-2"}}}}"""
        .formatted(line("B", 1, "2.00")));
    shop.data("""
        {"order":{"lineItems":{"nodes":[%s],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}"""
        .formatted(line("C", 1, "3.00")));

    Order order = shop.adapter.fetchOrders(shop.connection(), OrderCursor.START).orders().get(0);

    assertEquals(3, order.lines().size());
    assertEquals("C", order.lines().get(2).sku());
    shop.take();
    Call more = shop.take();
    assertEquals("OrderLineItems", more.operation());
    assertEquals("gid://shopify/Order/21", more.variables().path("id").asText());
    assertEquals("lines-1", more.variables().path("after").asText());
    assertEquals("lines-2", shop.take().variables().path("after").asText());
  }

  @Test
  void aCursorThisAdapterDidNotWriteIsPermanent() {
    assertThrows(PermanentFailure.class,
        () -> shop.adapter.fetchOrders(shop.connection(), new OrderCursor("yesterday")));
    assertEquals(0, shop.server.getRequestCount());
  }
}
