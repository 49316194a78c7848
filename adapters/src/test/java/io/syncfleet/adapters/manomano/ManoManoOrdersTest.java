package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManoManoOrdersTest {
  @RegisterExtension
  final ManoManoFixture mm = new ManoManoFixture();
  private final Connection connection = mm.connection();

  @Test
  void aPullWalksThePagesThenRechecksTheLastThreeDays() {
    mm.reply(200, page(1, 3, order("M1"), order("M2")));
    mm.reply(200, page(2, 3, order("M3")));
    mm.reply(200, page(3, 3, order("M4")));
    mm.reply(200, page(1, 0));

    OrderPage first = mm.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = mm.adapter.fetchOrders(connection, first.next());
    OrderPage third = mm.adapter.fetchOrders(connection, second.next());
    OrderPage nextPull = mm.adapter.fetchOrders(connection, third.next());

    assertEquals(List.of("M1", "M2"), ids(first));
    assertTrue(first.hasMore());
    assertEquals("2024-05-02T12:00:00Z|2", first.next().value());
    assertEquals("2024-05-02T12:00:00Z|3", second.next().value());
    assertEquals(List.of("M4"), ids(third));
    assertFalse(third.hasMore());
    assertEquals("2024-05-29T12:00:00Z", third.next().value(), "the next pull rechecks three days");
    assertTrue(nextPull.orders().isEmpty());
    assertFalse(nextPull.hasMore());

    assertQuery(mm.take(), "1", "2024-05-02T12:00:00Z");
    assertQuery(mm.take(), "2", "2024-05-02T12:00:00Z");
    assertQuery(mm.take(), "3", "2024-05-02T12:00:00Z");
    assertQuery(mm.take(), "1", "2024-05-29T12:00:00Z");
  }

  @Test
  void withoutPaginationAFullPageMeansMore() {
    String[] orders = Collections.nCopies(50, order("M")).toArray(new String[0]);
    mm.reply(200, "{\"content\":[" + String.join(",", orders) + "]}");

    assertTrue(mm.adapter.fetchOrders(connection, OrderCursor.START).hasMore());
  }

  @Test
  void normalizesAManoManoOrder() {
    mm.reply(200, "{\"content\":[" + """
        {"order_reference":"M240530123","status":"ACCEPTED","created_at":"2024-05-30T10:00:00+02:00",
         "products":[
           {"seller_sku":"DRILL-1","product_title":"Cordless drill 18V","quantity":2,
            "price":{"amount":58.46,"currency":"EUR"},"total_price":{"amount":116.92,"currency":"EUR"}},
           {"seller_sku":"BITS-9","title":"Drill bits","quantity":1,"price":{"amount":9.90,"currency":"EUR"}}]}
        """ + "],\"pagination\":{\"page\":1,\"pages\":1}}");

    Order order = mm.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("manomano", "M240530123", Order.Status.PAID, "ACCEPTED",
        Instant.parse("2024-05-30T08:00:00Z"), null, "EUR", new BigDecimal("126.82"), List.of(
            new Order.Line("DRILL-1", "Cordless drill 18V", 2, new BigDecimal("58.46")),
            new Order.Line("BITS-9", "Drill bits", 1, new BigDecimal("9.9")))), order);
  }

  @Test
  void anOrderTotalWinsOverItsLines() {
    mm.reply(200, "{\"content\":[{\"order_reference\":\"M1\",\"status\":\"SHIPPED\","
        + "\"created_at\":\"2024-05-30 10:00:00\","
        + "\"total_price\":{\"amount\":20.5,\"currency\":\"GBP\"},\"products\":[]}],\"pagination\":{\"pages\":1}}");

    Order order = mm.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new BigDecimal("20.5"), order.total());
    assertEquals("GBP", order.currency());
    assertEquals(Instant.parse("2024-05-30T10:00:00Z"), order.createdAt());
  }

  @ParameterizedTest
  @CsvSource({"PENDING,PAID", "ACCEPTED,PAID", "SHIPPED,SHIPPED", "CLOSED,SHIPPED", "REFUSED,CANCELLED",
      "CANCELLED,CANCELLED", "REFUNDED,REFUNDED", "SOMETHING_NEW,PENDING"})
  void mapsManoManoStatusesToOurs(String status, Order.Status expected) {
    assertEquals(expected, ManoManoApi.orderStatus(status));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> mm.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z|0")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, mm.server.getRequestCount());
  }

  private static void assertQuery(RecordedRequest r, String page, String since) {
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/orders/v1/orders", url.encodedPath());
    assertEquals(ManoManoFixture.CONTRACT, url.queryParameter("seller_contract_id"));
    assertEquals(page, url.queryParameter("page"));
    assertEquals("50", url.queryParameter("limit"));
    assertEquals(since, url.queryParameter("created_at_start"));
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String page(int page, int pages, String... orders) {
    return "{\"content\":[" + String.join(",", orders) + "],\"pagination\":{\"page\":" + page + ",\"limit\":50,"
        + "\"pages\":" + pages + "}}";
  }

  private static String order(String reference) {
    return "{\"order_reference\":\"" + reference + "\",\"status\":\"PENDING\",\"created_at\":\"2024-05-20T00:00:00Z\","
        + "\"products\":[]}";
  }
}
