package io.syncfleet.adapters.backmarket;

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
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackMarketOrdersTest {
  @RegisterExtension
  final BackMarketFixture bm = new BackMarketFixture();
  private final Connection connection = bm.connection();

  @Test
  void aFirstPullPagesThroughTheLast30DaysAndCarriesTheHighWaterMark() {
    bm.reply(200, page(true, order(1, "2024-05-30T10:00:00Z"), order(2, "2024-05-03T00:00:00Z")));
    bm.reply(200, page(true, order(3, "2024-05-20T08:30:00.123456Z")));
    bm.reply(200, page(false, order(4, "2024-05-10T00:00:00Z")));
    bm.reply(200, page(false));

    OrderPage first = bm.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = bm.adapter.fetchOrders(connection, first.next());
    OrderPage third = bm.adapter.fetchOrders(connection, second.next());
    OrderPage nextPull = bm.adapter.fetchOrders(connection, third.next());

    assertEquals(List.of("1", "2"), ids(first));
    assertTrue(first.hasMore());
    assertEquals("2024-05-02T12:00:00Z|2|2024-05-30T10:00:00Z", first.next().value());
    assertEquals(List.of("3"), ids(second));
    assertEquals("2024-05-02T12:00:00Z|3|2024-05-30T10:00:00Z", second.next().value());
    assertEquals(List.of("4"), ids(third));
    assertFalse(third.hasMore());
    assertEquals("2024-05-30T10:00:00Z", third.next().value(), "the latest change of the whole walk");
    assertTrue(nextPull.orders().isEmpty());
    assertEquals("2024-05-30T10:00:00Z", nextPull.next().value(), "nothing new keeps the mark");

    assertQuery(bm.take(), "2024-05-02T12:00:00Z", "1");
    assertQuery(bm.take(), "2024-05-02T12:00:00Z", "2");
    assertQuery(bm.take(), "2024-05-02T12:00:00Z", "3");
    assertQuery(bm.take(), "2024-05-30T10:00:00Z", "1");
  }

  @Test
  void normalizesABackMarketOrder() {
    bm.reply(200, page(false, """
        {"order_id":5978,"state":3,"date_creation":"2024-05-29T08:00:00.123456Z",
         "date_modification":"2024-05-30T10:00:00Z","price":"299.25","shipping_price":"5.99","currency":"EUR",
         "country_code":"fr-fr",
         "orderlines":[
           {"id":1,"state":2,"listing":"IPH-1","product":"iPhone 13 - 128 GB - Blue","quantity":1,"price":"229.00"},
           {"id":2,"state":2,"listing":"CASE-9","product":"Case","quantity":2,"price":"35.125"}]}"""));

    Order order = bm.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("backmarket", "5978", Order.Status.PAID, "order 3, lines 2,2",
        Instant.parse("2024-05-29T08:00:00.123456Z"), Instant.parse("2024-05-30T10:00:00Z"), "EUR",
        new BigDecimal("305.24"), List.of(
            new Order.Line("IPH-1", "iPhone 13 - 128 GB - Blue", 1, new BigDecimal("229.00")),
            new Order.Line("CASE-9", "Case", 2, new BigDecimal("35.125")))), order);
  }

  @ParameterizedTest
  @CsvSource({
      "0,1,PENDING", "10,8,PENDING", "1,1,PAID", "3,2,PAID", "9,3,SHIPPED", "8,7,CANCELLED",
      "1,4;5,CANCELLED", "9,3;4,SHIPPED", "9,6,REFUNDED", "9,6;3,SHIPPED"})
  void mapsBackMarketStatesToOurStatus(int state, String lines, Order.Status expected) {
    List<Integer> lineStates = Arrays.stream(lines.split(";")).map(Integer::valueOf).toList();

    assertEquals(expected, BackMarketApi.orderStatus(state, lineStates));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> bm.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z|0|x")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, bm.server.getRequestCount());
  }

  private static void assertQuery(RecordedRequest r, String since, String page) {
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/ws/orders", url.encodedPath());
    assertEquals(since, url.queryParameter("date_modification"));
    assertEquals(page, url.queryParameter("page"));
    assertEquals("50", url.queryParameter("page-size"));
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String page(boolean hasNext, String... orders) {
    String next = hasNext ? "\"https://www.backmarket.fr/ws/orders?page=x\"" : "null";
    return "{\"count\":9,\"next\":" + next + ",\"previous\":null,\"results\":[" + String.join(",", orders) + "]}";
  }

  private static String order(int id, String modified) {
    return "{\"order_id\":" + id + ",\"state\":1,\"date_creation\":\"2024-05-01T00:00:00Z\",\"date_modification\":\""
        + modified + "\",\"price\":\"10.00\",\"shipping_price\":\"0.00\",\"currency\":\"EUR\",\"orderlines\":[]}";
  }
}
