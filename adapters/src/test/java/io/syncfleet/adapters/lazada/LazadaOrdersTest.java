package io.syncfleet.adapters.lazada;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orders by update time, oldest first, paged by the latest update time seen; lines from their items. */
class LazadaOrdersTest {
  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();
  private final Connection connection = lazada.connection();

  @Test
  void pagesStartAtTheLatestUpdateSeenAndSkipTheOrdersOfThatSecondAlreadyRead() {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      first.add(order(1000 + i, "2018-02-01T10:00:00+08:00"));
    }
    first.add(order(2001, "2018-02-02T09:30:00+08:00"));
    first.add(order(2002, "2018-02-02T09:30:00+08:00"));
    lazada.ok("{\"count\":\"50\",\"orders\":[" + String.join(",", first) + "]}");
    lazada.ok("[]");
    lazada.ok("{\"count\":\"1\",\"orders\":[" + order(3001, "2018-02-03T12:00:00+08:00") + "]}");
    lazada.ok("[]");

    OrderPage page1 = lazada.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage page2 = lazada.adapter.fetchOrders(connection, page1.next());

    assertEquals(50, page1.orders().size());
    assertTrue(page1.hasMore());
    assertEquals("2018-02-02T01:30:00Z|2", page1.next().value());
    assertEquals(List.of("3001"), page2.orders().stream().map(Order::orderId).toList());
    assertFalse(page2.hasMore());
    assertEquals("2018-02-03T04:00:00Z", page2.next().value());

    Map<String, String> query = lazada.takeCall("GET", "/orders/get");
    assertEquals(Map.of("update_after", "2018-01-07T03:09:14+00:00", "sort_by", "updated_at",
        "sort_direction", "ASC", "offset", "0", "limit", "50"), query, "a first pull looks back 30 days");
    assertTrue(lazada.takeCall("GET", "/orders/items/get").get("order_ids").startsWith("[1000,1001,"));
    Map<String, String> next = lazada.takeCall("GET", "/orders/get");
    assertEquals("2018-02-02T01:30:00+00:00", next.get("update_after"));
    assertEquals("2", next.get("offset"), "the two orders of that second already read");
  }

  @Test
  void normalizesAnOrderWithOneLinePerSkuAndPrice() {
    lazada.ok("{\"count\":\"1\",\"orders\":[{\"order_id\":491253082180001,\"created_at\":\"2018-02-09T22:44:30+08:00\","
        + "\"updated_at\":\"2018-02-10 10:00:00 +0800\",\"price\":\"106.00\",\"statuses\":[\"ready_to_ship\"]}]}");
    lazada.ok("""
        [{"order_id":"491253082180001","order_items":[
          {"sku":"MUG-RED","name":"Red mug","item_price":"50.00","currency":"SGD","status":"ready_to_ship"},
          {"sku":"MUG-RED","name":"Red mug","item_price":"50.00","currency":"SGD","status":"ready_to_ship"},
          {"sku":"SPOON","name":"Spoon","item_price":"6.00","currency":"SGD","status":"ready_to_ship"}]}]""");

    Order order = lazada.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("lazada", "491253082180001", Order.Status.PAID, "ready_to_ship",
        Instant.parse("2018-02-09T14:44:30Z"), Instant.parse("2018-02-10T02:00:00Z"), "SGD", new BigDecimal("106.00"),
        List.of(new Order.Line("MUG-RED", "Red mug", 2, new BigDecimal("50.00")),
            new Order.Line("SPOON", "Spoon", 1, new BigDecimal("6.00")))), order);
    lazada.take();
    assertEquals("[491253082180001]", lazada.takeCall("GET", "/orders/items/get").get("order_ids"));
  }

  @ParameterizedTest
  @CsvSource({"unpaid,PENDING", "pending,PAID", "ready_to_ship,PAID", "shipped,SHIPPED", "delivered,SHIPPED",
      "canceled,CANCELLED", "returned,REFUNDED", "delivered/pending,PARTIALLY_SHIPPED", "canceled/shipped,SHIPPED"})
  void mapsItemStatusesToOrderStatus(String statuses, Order.Status expected) {
    assertEquals(expected, LazadaApi.orderStatus(Set.of(statuses.split("/"))));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> lazada.adapter.fetchOrders(connection, new OrderCursor("yesterday|x")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, lazada.server.getRequestCount());
  }

  private static String order(long id, String updated) {
    return "{\"order_id\":\"" + id + "\",\"created_at\":\"2018-01-30T10:00:00+08:00\",\"updated_at\":\"" + updated
        + "\",\"price\":\"10.00\",\"statuses\":[\"delivered\"]}";
  }
}
