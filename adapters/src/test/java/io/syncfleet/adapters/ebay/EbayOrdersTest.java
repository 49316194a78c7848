package io.syncfleet.adapters.ebay;

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
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EbayOrdersTest {
  @RegisterExtension
  final EbayFixture ebay = new EbayFixture();
  private final Connection connection = ebay.connection();

  @Test
  void aFirstPullPagesThroughTheLast90DaysAndCarriesTheHighWaterMark() {
    ebay.token("tok-1");
    ebay.reply(200, page(0, 5, true, order("A", "2024-05-30T10:00:00.000Z"), order("B", "2024-04-01T00:00:00.000Z")));
    ebay.reply(200, page(2, 5, true, order("C", "2024-05-01T00:00:00.000Z"), order("D", "2024-05-02T00:00:00.000Z")));
    ebay.reply(200, page(4, 5, false, order("E", "2024-05-15T00:00:00.000Z")));
    ebay.reply(200, page(0, 0, false));

    OrderPage first = ebay.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = ebay.adapter.fetchOrders(connection, first.next());
    OrderPage third = ebay.adapter.fetchOrders(connection, second.next());
    OrderPage nextPull = ebay.adapter.fetchOrders(connection, third.next());

    assertEquals(List.of("A", "B"), ids(first));
    assertTrue(first.hasMore());
    assertEquals("2024-03-03T12:00:00.000Z|2|2024-05-30T10:00:00.000Z", first.next().value());
    assertEquals(List.of("C", "D"), ids(second));
    assertTrue(second.hasMore());
    assertEquals("2024-03-03T12:00:00.000Z|4|2024-05-30T10:00:00.000Z", second.next().value());
    assertEquals(List.of("E"), ids(third));
    assertFalse(third.hasMore());
    assertEquals("2024-05-30T10:00:00.000Z", third.next().value(), "the latest change of the whole walk");
    assertTrue(nextPull.orders().isEmpty());
    assertFalse(nextPull.hasMore());
    assertEquals("2024-05-30T10:00:00.000Z", nextPull.next().value(), "nothing new keeps the mark");

    assertQuery(ebay.takeAfterToken(), "lastmodifieddate:[2024-03-03T12:00:00.000Z..]", "0");
    assertQuery(ebay.take(), "lastmodifieddate:[2024-03-03T12:00:00.000Z..]", "2");
    assertQuery(ebay.take(), "lastmodifieddate:[2024-03-03T12:00:00.000Z..]", "4");
    assertQuery(ebay.take(), "lastmodifieddate:[2024-05-30T10:00:00.000Z..]", "0");
  }

  @Test
  void aPageWithoutNextEndsTheWalkWhenTotalIsReached() {
    ebay.token("tok-1");
    ebay.reply(200, page(0, 1, false, order("A", "2024-05-30T10:00:00.000Z")));

    OrderPage page = ebay.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00.000Z"));

    assertFalse(page.hasMore());
    assertEquals("2024-05-30T10:00:00.000Z", page.next().value());
  }

  @Test
  void normalizesAnEbayOrder() {
    ebay.token("tok-1");
    ebay.reply(200, """
        {"total":1,"offset":0,"limit":200,"orders":[
          {"orderId":"12-34567-89012","creationDate":"2024-05-29T08:00:00.000Z",
           "lastModifiedDate":"2024-05-30T10:00:00.000Z","orderPaymentStatus":"PAID",
           "orderFulfillmentStatus":"IN_PROGRESS","cancelStatus":{"cancelState":"NONE_REQUESTED"},
           "pricingSummary":{"total":{"value":"35.00","currency":"USD"}},
           "lineItems":[
             {"lineItemId":"1","sku":"SKU-1","title":"Red mug","quantity":3,
              "lineItemCost":{"value":"30.00","currency":"USD"}},
             {"lineItemId":"2","sku":"SKU-2","title":"Blue cup","quantity":1,
              "lineItemCost":{"value":"5.00","currency":"USD"}}]}]}
        """);

    Order order = ebay.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("ebay", "12-34567-89012", Order.Status.PARTIALLY_SHIPPED,
        "PAID/IN_PROGRESS/NONE_REQUESTED", Instant.parse("2024-05-29T08:00:00Z"),
        Instant.parse("2024-05-30T10:00:00Z"), "USD", new BigDecimal("35.00"), List.of(
            new Order.Line("SKU-1", "Red mug", 3, new BigDecimal("10.00")),
            new Order.Line("SKU-2", "Blue cup", 1, new BigDecimal("5.00")))), order);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "PAID,NOT_STARTED,NONE_REQUESTED,PAID",
      "PAID,IN_PROGRESS,-,PARTIALLY_SHIPPED",
      "PAID,FULFILLED,-,SHIPPED",
      "PENDING,NOT_STARTED,-,PENDING",
      "FAILED,NOT_STARTED,-,PENDING",
      "FULLY_REFUNDED,FULFILLED,-,REFUNDED",
      "PARTIALLY_REFUNDED,FULFILLED,-,SHIPPED",
      "PAID,NOT_STARTED,CANCELED,CANCELLED",
      "FULLY_REFUNDED,NOT_STARTED,CANCELED,CANCELLED"})
  void mapsEbayStatesToOurStatus(String payment, String fulfillment, String cancel, Order.Status expected) {
    assertEquals(expected, EbayApi.orderStatus(payment, fulfillment, cancel));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> ebay.adapter.fetchOrders(connection, new OrderCursor("yesterday|2")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, ebay.server.getRequestCount());
  }

  private static void assertQuery(RecordedRequest r, String filter, String offset) {
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/sell/fulfillment/v1/order", url.encodedPath());
    assertEquals("Bearer tok-1", r.getHeader("Authorization"));
    assertEquals(filter, url.queryParameter("filter"));
    assertEquals("200", url.queryParameter("limit"));
    assertEquals(offset, url.queryParameter("offset"));
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String page(int offset, int total, boolean hasNext, String... orders) {
    String next = hasNext ? ",\"next\":\"https://api.ebay.com/sell/fulfillment/v1/order?offset=x\"" : "";
    return "{\"total\":" + total + ",\"offset\":" + offset + ",\"limit\":200" + next
        + ",\"orders\":[" + String.join(",", orders) + "]}";
  }

  private static String order(String id, String modified) {
    return "{\"orderId\":\"" + id + "\",\"creationDate\":\"2024-03-10T00:00:00.000Z\",\"lastModifiedDate\":\""
        + modified + "\",\"orderPaymentStatus\":\"PAID\",\"orderFulfillmentStatus\":\"NOT_STARTED\","
        + "\"pricingSummary\":{\"total\":{\"value\":\"9.99\",\"currency\":\"USD\"}},\"lineItems\":[]}";
  }
}
