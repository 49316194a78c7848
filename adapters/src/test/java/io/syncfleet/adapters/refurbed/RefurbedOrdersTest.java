package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefurbedOrdersTest {
  @RegisterExtension
  final RefurbedFixture rf = new RefurbedFixture();
  private final Connection connection = rf.connection();

  @Test
  void aPullWalksOrdersByIdWithStartingAfterAndThenRechecksTheLastThreeDays() {
    rf.reply(200, page(true, order("101"), order("102")));
    rf.reply(200, page(true, order("103")));
    rf.reply(200, page(false, order("104")));
    rf.reply(200, page(false));

    OrderPage first = rf.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = rf.adapter.fetchOrders(connection, first.next());
    OrderPage third = rf.adapter.fetchOrders(connection, second.next());
    OrderPage nextPull = rf.adapter.fetchOrders(connection, third.next());

    assertEquals(List.of("101", "102"), ids(first));
    assertTrue(first.hasMore());
    assertEquals("2024-05-02T12:00:00Z|102", first.next().value());
    assertEquals("2024-05-02T12:00:00Z|103", second.next().value());
    assertEquals(List.of("104"), ids(third));
    assertFalse(third.hasMore());
    assertEquals("2024-05-29T12:00:00Z", third.next().value(), "the next pull rechecks three days");
    assertFalse(nextPull.hasMore());

    assertEquals(request("2024-05-02T12:00:00Z", null), rf.take("OrderService/ListOrders"));
    assertEquals(request("2024-05-02T12:00:00Z", "102"), rf.take("OrderService/ListOrders"));
    assertEquals(request("2024-05-02T12:00:00Z", "103"), rf.take("OrderService/ListOrders"));
    assertEquals(request("2024-05-29T12:00:00Z", null), rf.take("OrderService/ListOrders"));
  }

  @Test
  void normalizesARefurbedOrderWithOneLinePerItem() {
    rf.reply(200, page(false, """
        {"id":"81234","released_at":"2024-05-30T10:00:00.123Z","state":"ACCEPTED","currency_code":"EUR",
         "total_charged":"418.00","total_paid":"418.00","total_refunded":"0.00",
         "items":[{"id":"1","name":"iPhone 13 128 GB Blue","state":"SHIPPED","sku":"IPH-1","total_charged":"219.00"},
                  {"id":"2","name":"iPhone 13 128 GB Blue","state":"ACCEPTED","sku":"IPH-1","total_charged":"199.00"}]}
        """));

    Order order = rf.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("refurbed", "81234", Order.Status.PARTIALLY_SHIPPED, "ACCEPTED",
        Instant.parse("2024-05-30T10:00:00.123Z"), null, "EUR", new BigDecimal("418.00"), List.of(
            new Order.Line("IPH-1", "iPhone 13 128 GB Blue", 1, new BigDecimal("219.00")),
            new Order.Line("IPH-1", "iPhone 13 128 GB Blue", 1, new BigDecimal("199.00")))), order);
  }

  @ParameterizedTest
  @CsvSource({
      "NEW,NEW,PAID", "ACCEPTED,ACCEPTED,PAID", "SHIPPED,SHIPPED;SHIPPED,SHIPPED",
      "ACCEPTED,SHIPPED;ACCEPTED,PARTIALLY_SHIPPED",
      "CANCELLED,CANCELLED,CANCELLED", "REJECTED,REJECTED,CANCELLED", "RETURNED,RETURNED,REFUNDED",
      "SHIPPED,SHIPPED;CANCELLED,SHIPPED"})
  void mapsRefurbedStatesToOurStatus(String state, String items, Order.Status expected) {
    assertEquals(expected, RefurbedApi.orderStatus(state, Arrays.asList(items.split(";"))));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> rf.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z|abc")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, rf.server.getRequestCount());
  }

  private static JsonNode request(String since, String after) {
    String pagination = after == null ? "{\"limit\":100}" : "{\"limit\":100,\"starting_after\":\"" + after + "\"}";
    return RefurbedFixture.json("{\"pagination\":" + pagination + ",\"sort\":{\"by\":\"ID\",\"order\":\"ASC\"},"
        + "\"filter\":{\"released_at\":{\"ge\":\"" + since + "\"}}}");
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String page(boolean more, String... orders) {
    return "{\"orders\":[" + String.join(",", orders) + "],\"has_more\":" + more + "}";
  }

  private static String order(String id) {
    return "{\"id\":\"" + id + "\",\"released_at\":\"2024-05-20T00:00:00Z\",\"state\":\"NEW\","
        + "\"currency_code\":\"EUR\","
        + "\"total_charged\":\"10.00\",\"items\":[]}";
  }
}
