package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Order pulls: page/per_page walks with X-WP-TotalPages, the cursor, and order normalization. */
class WooCommerceOrdersTest {
  @RegisterExtension
  final WooCommerceMockShop shop = new WooCommerceMockShop();

  @Test
  void aWalkOverSeveralPagesRestartsAtEachPagesLastChangeAndEndsAtTheLatest() {
    shop.page(3, "[" + order(1, "2024-05-10T08:00:00") + "," + order(2, "2024-05-20T09:30:00") + "]");
    shop.page(2, "[" + order(2, "2024-05-20T09:30:00") + "," + order(3, "2024-05-20T09:30:00") + "]");
    shop.page(2, "[" + order(4, "2024-05-25T00:00:00") + "]");
    shop.page(1, "[" + order(4, "2024-05-25T00:00:00") + "]");

    OrderPage first = shop.adapter.fetchOrders(shop.connection(), OrderCursor.START);
    OrderPage second = shop.adapter.fetchOrders(shop.connection(), first.next());
    OrderPage third = shop.adapter.fetchOrders(shop.connection(), second.next());
    OrderPage nextPull = shop.adapter.fetchOrders(shop.connection(), third.next());

    assertEquals(List.of("1", "2"), ids(first));
    assertTrue(first.hasMore());
    assertEquals("2024-05-20T09:30:00Z", first.next().value());
    assertEquals(List.of("2", "3"), ids(second));
    assertTrue(second.hasMore());
    assertEquals("2024-05-20T09:30:00Z|2", second.next().value(), "a page all in one second goes on by page");
    assertEquals(List.of("4"), ids(third));
    assertFalse(third.hasMore());
    assertEquals("2024-05-25T00:00:00Z", third.next().value());
    assertFalse(nextPull.hasMore());
    assertEquals("2024-05-25T00:00:00Z", nextPull.next().value(), "nothing newer keeps the mark");

    assertQuery(shop.take("GET", "orders"), "2024-05-02T11:59:59", "1");
    assertQuery(shop.take("GET", "orders"), "2024-05-20T09:29:59", "1");
    assertQuery(shop.take("GET", "orders"), "2024-05-20T09:29:59", "2");
    assertQuery(shop.take("GET", "orders"), "2024-05-24T23:59:59", "1");
  }

  @Test
  void withoutThePageCountHeaderAFullPageMeansMore() {
    StringBuilder full = new StringBuilder("[");
    for (int i = 1; i <= 100; i++) {
      full.append(i > 1 ? "," : "").append(order(i, "2024-05-20T09:30:" + String.format("%02d", i % 60)));
    }
    shop.reply(200, full.append("]").toString());
    shop.reply(200, "[]");

    OrderPage page = shop.adapter.fetchOrders(shop.connection(), new OrderCursor("2024-05-20T00:00:00Z"));
    OrderPage last = shop.adapter.fetchOrders(shop.connection(), page.next());

    assertTrue(page.hasMore());
    assertEquals("2024-05-20T09:30:59Z", page.next().value());
    assertFalse(last.hasMore());
    assertEquals("2024-05-20T09:30:59Z", last.next().value());
  }

  @Test
  void normalizesAWooCommerceOrder() {
    shop.page(1, """
        [{"id":727,"status":"processing","currency":"EUR","total":"45.80",
          "date_created_gmt":"2024-05-19T10:00:00","date_modified_gmt":"2024-05-20T09:30:00",
          "date_paid_gmt":"2024-05-19T10:01:00",
          "line_items":[{"id":1,"name":"Red mug","sku":"MUG","quantity":2,"price":16.5,"total":"33.00"},
                        {"id":2,"name":"Gift wrap","sku":"","quantity":1,"price":2.8,"total":"2.80"}]}]""");

    Order order = shop.adapter.fetchOrders(shop.connection(), OrderCursor.START).orders().get(0);

    assertEquals(new Order("woocommerce", "727", Order.Status.PAID, "processing",
        Instant.parse("2024-05-19T10:00:00Z"), Instant.parse("2024-05-20T09:30:00Z"), "EUR", new BigDecimal("45.80"),
        List.of(new Order.Line("MUG", "Red mug", 2, new BigDecimal("16.5")),
            new Order.Line(null, "Gift wrap", 1, new BigDecimal("2.8")))), order);
  }

  @ParameterizedTest
  @CsvSource({
      "pending,false,PENDING", "on-hold,false,PENDING", "failed,false,PENDING", "processing,true,PAID",
      "completed,true,SHIPPED", "cancelled,false,CANCELLED", "refunded,true,REFUNDED", "trash,true,CANCELLED",
      "awaiting-shipment,true,PAID", "awaiting-payment,false,PENDING"})
  void mapsWooCommerceStatusesToOurs(String status, boolean paid, Order.Status expected) {
    assertEquals(expected, WooCommerceApi.orderStatus(status, paid));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> shop.adapter.fetchOrders(shop.connection(), new OrderCursor("yesterday|0")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, shop.server.getRequestCount());
  }

  private static void assertQuery(RecordedRequest r, String modifiedAfter, String page) {
    HttpUrl url = r.getRequestUrl();
    assertEquals(modifiedAfter, url.queryParameter("modified_after"));
    assertEquals("true", url.queryParameter("dates_are_gmt"));
    assertEquals("modified", url.queryParameter("orderby"));
    assertEquals("asc", url.queryParameter("order"));
    assertEquals("100", url.queryParameter("per_page"));
    assertEquals(page, url.queryParameter("page"));
    assertEquals("id,status,currency,total,date_created_gmt,date_modified_gmt,date_paid_gmt,line_items",
        url.queryParameter("_fields"));
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String order(int id, String modified) {
    return "{\"id\":" + id + ",\"status\":\"processing\",\"currency\":\"EUR\",\"total\":\"9.90\","
        + "\"date_created_gmt\":\"2024-05-01T00:00:00\",\"date_modified_gmt\":\"" + modified + "\","
        + "\"date_paid_gmt\":null,\"line_items\":[]}";
  }
}
