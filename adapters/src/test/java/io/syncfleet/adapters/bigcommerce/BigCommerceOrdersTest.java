package io.syncfleet.adapters.bigcommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** v2 order pulls: the query, keyset paging across pages, 204 when empty, and normalized orders. */
class BigCommerceOrdersTest {
  private static final DateTimeFormatter RFC = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  @RegisterExtension
  final BigCommerceFixture bc = new BigCommerceFixture();
  private final Connection connection = bc.connection();

  @Test
  void aFirstPullPagesOnFromTheLastChangeSeenUntilAShortPage() {
    Instant start = Instant.parse("2024-05-10T00:00:00Z");
    bc.reply(200, orders(1, 50, start));
    bc.reply(200, orders(50, 3, start.plus(49, ChronoUnit.MINUTES)));
    bc.server.enqueue(new MockResponse().setResponseCode(204));

    OrderPage first = bc.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = bc.adapter.fetchOrders(connection, first.next());
    OrderPage nextPull = bc.adapter.fetchOrders(connection, second.next());

    assertEquals(50, first.orders().size());
    assertTrue(first.hasMore());
    assertEquals("2024-05-10T00:49:00Z", first.next().value());
    assertEquals(3, second.orders().size());
    assertFalse(second.hasMore());
    assertEquals("2024-05-10T00:51:00Z", second.next().value());
    assertTrue(nextPull.orders().isEmpty(), "204 is an empty page");
    assertFalse(nextPull.hasMore());
    assertEquals("2024-05-10T00:51:00Z", nextPull.next().value());

    assertQuery(bc.take(), "2024-05-02T12:00:00+00:00", "1");
    assertQuery(bc.take(), "2024-05-10T00:49:00+00:00", "1");
    assertQuery(bc.take(), "2024-05-10T00:51:00+00:00", "1");
  }

  @Test
  void aFullPageOfOneTimestampPagesWithinThatSecond() {
    Instant moment = Instant.parse("2024-05-10T00:00:00Z");
    bc.reply(200, orders(1, 50, moment, 0));

    OrderPage first = bc.adapter.fetchOrders(connection, new OrderCursor("2024-05-10T00:00:00Z"));

    assertEquals("2024-05-10T00:00:00Z|2", first.next().value());
    bc.server.enqueue(new MockResponse().setResponseCode(204));
    bc.adapter.fetchOrders(connection, first.next());
    bc.take();
    assertQuery(bc.take(), "2024-05-10T00:00:00+00:00", "2");
  }

  @Test
  void normalizesAnOrderWithTheLinesOfEveryConsignment() {
    bc.reply(200, """
        [{"id":101,"status_id":3,"status":"Partially Shipped","date_created":"Wed, 29 May 2024 08:00:00 +0000",
          "date_modified":"Thu, 30 May 2024 10:00:00 +0000","currency_code":"EUR","default_currency_code":"USD",
          "total_inc_tax":"35.5000",
          "consignments":{
            "shipping":[{"id":1,"line_items":[{"id":11,"sku":"TEE-M","name":"Tee","quantity":2,"price_inc_tax":"15.0000"}]}],
            "pickups":[{"id":2,"line_items":[{"id":12,"sku":"MUG","name":"Mug","quantity":1,"price_inc_tax":"5.5000"}]}],
            "downloads":[],"email":{"gift_certificates":[]}}}]""");

    Order order = bc.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z")).orders().get(0);

    assertEquals(new Order("bigcommerce", "101", Order.Status.PARTIALLY_SHIPPED, "Partially Shipped",
        Instant.parse("2024-05-29T08:00:00Z"), Instant.parse("2024-05-30T10:00:00Z"), "USD", new BigDecimal("35.5000"),
        List.of(new Order.Line("MUG", "Mug", 1, new BigDecimal("5.5000")),
            new Order.Line("TEE-M", "Tee", 2, new BigDecimal("15.0000")))), order);
  }

  @Test
  void statusIdsMapToOurStatuses() {
    assertEquals(Order.Status.PENDING, BigCommerceApi.orderStatus(7));
    assertEquals(Order.Status.PAID, BigCommerceApi.orderStatus(11));
    assertEquals(Order.Status.SHIPPED, BigCommerceApi.orderStatus(2));
    assertEquals(Order.Status.REFUNDED, BigCommerceApi.orderStatus(4));
    assertEquals(Order.Status.CANCELLED, BigCommerceApi.orderStatus(6));
  }

  private static void assertQuery(RecordedRequest r, String since, String page) {
    assertEquals("GET", r.getMethod());
    HttpUrl url = r.getRequestUrl();
    assertEquals("/stores/abc123/v2/orders", url.encodedPath());
    assertEquals(since, url.queryParameter("min_date_modified"));
    assertEquals("date_modified:asc", url.queryParameter("sort"));
    assertEquals("50", url.queryParameter("limit"));
    assertEquals(page, url.queryParameter("page"));
    assertEquals("consignments.line_items", url.queryParameter("include"));
    assertEquals("object", url.queryParameter("consignment_structure"));
  }

  private static String orders(int first, int count, Instant from) {
    return orders(first, count, from, 1);
  }

  private static String orders(int first, int count, Instant from, int stepMinutes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = RFC.format(from.plus((long) i * stepMinutes, ChronoUnit.MINUTES));
      out.add("{\"id\":" + (first + i) + ",\"status_id\":11,\"status\":\"Awaiting Fulfillment\",\"date_created\":\"" + at
          + "\",\"date_modified\":\"" + at + "\",\"default_currency_code\":\"USD\",\"total_inc_tax\":\"1.0000\"}");
    }
    return "[" + String.join(",", out) + "]";
  }
}
