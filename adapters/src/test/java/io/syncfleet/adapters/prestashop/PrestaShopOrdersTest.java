package io.syncfleet.adapters.prestashop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Order pulls: limit=offset,count walks over date_upd, the cursor, currencies and time zones. */
class PrestaShopOrdersTest {
  @RegisterExtension
  final PrestaShopMockShop shop = new PrestaShopMockShop();

  @Test
  void aWalkRestartsAtEachFullPagesLastChangeGoesOnByOffsetWithinOneSecondAndEndsAtTheLatest() {
    shop.list("orders", orders(1, 100, i -> i < 100 ? "2024-05-10 08:00:00" : "2024-05-20 09:30:00"));
    shop.list("currencies", "{\"id\":1,\"iso_code\":\"EUR\"}");
    shop.list("orders", orders(100, 100, i -> "2024-05-20 09:30:00"));
    shop.list("currencies", "{\"id\":1,\"iso_code\":\"EUR\"}");
    shop.list("orders", orders(200, 3, i -> "2024-05-21 00:00:00"));
    shop.list("currencies", "{\"id\":1,\"iso_code\":\"EUR\"}");
    shop.list("orders");

    OrderPage first = shop.adapter.fetchOrders(shop.connection(), OrderCursor.START);
    OrderPage second = shop.adapter.fetchOrders(shop.connection(), first.next());
    OrderPage third = shop.adapter.fetchOrders(shop.connection(), second.next());
    OrderPage nextPull = shop.adapter.fetchOrders(shop.connection(), third.next());

    assertTrue(first.hasMore());
    assertEquals("2024-05-20 09:30:00", first.next().value());
    assertTrue(second.hasMore());
    assertEquals("2024-05-20 09:30:00|100", second.next().value());
    assertFalse(third.hasMore());
    assertEquals(3, third.orders().size());
    assertEquals("2024-05-21 00:00:00", third.next().value());
    assertTrue(nextPull.orders().isEmpty());
    assertEquals("2024-05-21 00:00:00", nextPull.next().value());

    assertQuery(shop.take("GET", "orders"), "[2024-05-02 12:00:00,9999-12-31 23:59:59]", "0,100");
    assertEquals("[1]", shop.take("GET", "currencies").getRequestUrl().queryParameter("filter[id]"));
    assertQuery(shop.take("GET", "orders"), "[2024-05-20 09:30:00,9999-12-31 23:59:59]", "0,100");
    shop.take();
    assertQuery(shop.take("GET", "orders"), "[2024-05-20 09:30:00,9999-12-31 23:59:59]", "100,100");
    shop.take();
    assertQuery(shop.take("GET", "orders"), "[2024-05-21 00:00:00,9999-12-31 23:59:59]", "0,100");
    assertEquals(7, shop.server.getRequestCount(), "no currency call for an empty page");
  }

  @Test
  void normalizesAnOrderInTheShopsTimeZone() {
    shop.list("orders", """
        {"id":17,"reference":"XKBKNABJK","current_state":"4","id_currency":"2","total_paid":"45.800000",
         "date_add":"2024-05-19 10:00:00","date_upd":"2024-05-20 11:30:00",
         "associations":{"order_rows":[
           {"id":"1","product_id":"42","product_attribute_id":"0","product_quantity":"2","product_name":"Red mug",
            "product_reference":"MUG","unit_price_tax_incl":"16.500000"},
           {"id":"2","product_id":"43","product_attribute_id":"0","product_quantity":"1","product_name":"Card",
            "product_reference":"","unit_price_tax_incl":"2.800000"}]}}""");
    shop.list("currencies", "{\"id\":2,\"iso_code\":\"CHF\"}");

    Order order = shop.adapter.fetchOrders(shop.connection(Map.of("timezone", "Europe/Zurich")),
        new OrderCursor("2024-05-20 00:00:00")).orders().get(0);

    assertEquals(new Order("prestashop", "17", Order.Status.SHIPPED, "4", Instant.parse("2024-05-19T08:00:00Z"),
        Instant.parse("2024-05-20T09:30:00Z"), "CHF", new BigDecimal("45.800000"), List.of(
            new Order.Line("MUG", "Red mug", 2, new BigDecimal("16.500000")),
            new Order.Line(null, "Card", 1, new BigDecimal("2.800000")))), order);
  }

  @ParameterizedTest
  @CsvSource({"1,PENDING", "2,PAID", "3,PAID", "4,SHIPPED", "5,SHIPPED", "6,CANCELLED", "7,REFUNDED", "8,PENDING",
      "9,PAID", "10,PENDING", "11,PAID", "12,PENDING", "13,PENDING", "27,PENDING"})
  void mapsTheDefaultOrderStatesToOurs(String state, Order.Status expected) {
    assertEquals(expected, PrestaShopApi.orderStatus(state));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    assertEquals("bad_cursor", assertThrows(PermanentFailure.class,
        () -> shop.adapter.fetchOrders(shop.connection(), new OrderCursor("2024-05-20T00:00:00Z"))).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void anUnknownTimeZonePausesTheConnection() {
    assertEquals("invalid_timezone", assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.fetchOrders(shop.connection(Map.of("timezone", "Mars/Olympus")), OrderCursor.START)).code());
  }

  private static void assertQuery(RecordedRequest r, String range, String limit) {
    HttpUrl url = r.getRequestUrl();
    assertEquals("full", url.queryParameter("display"));
    assertEquals("1", url.queryParameter("date"));
    assertEquals(range, url.queryParameter("filter[date_upd]"));
    assertEquals("[date_upd_ASC,id_ASC]", url.queryParameter("sort"));
    assertEquals(limit, url.queryParameter("limit"));
    assertEquals("JSON", url.queryParameter("output_format"));
  }

  private static String[] orders(int firstId, int count, java.util.function.IntFunction<String> updated) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add("{\"id\":" + (firstId + i) + ",\"current_state\":\"2\",\"id_currency\":\"1\",\"total_paid\":\"9.90\","
          + "\"date_add\":\"2024-05-01 00:00:00\",\"date_upd\":\"" + updated.apply(i) + "\",\"associations\":{}}");
    }
    return out.toArray(new String[0]);
  }
}
