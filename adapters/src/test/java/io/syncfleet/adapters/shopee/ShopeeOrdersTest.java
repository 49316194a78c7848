package io.syncfleet.adapters.shopee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orders by update time in 15-day windows, paged with Shopee's cursor, detailed 50 at a time. */
class ShopeeOrdersTest {
  private static final long NOW = ShopeeFixture.TIMESTAMP;
  private static final long FIFTEEN_DAYS = 15 * 24 * 3600;

  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();
  private final Connection connection = shopee.connection();

  @Test
  void aFirstPullPagesThroughTheLast15DaysAndTheNextStartsShortlyBeforeTheEnd() {
    shopee.ok("{\"more\":true,\"next_cursor\":\"2\",\"order_list\":[{\"order_sn\":\"A\"},{\"order_sn\":\"B\"}]}");
    shopee.ok("{\"order_list\":[" + order("B", 100) + "," + order("A", 90) + "]}");
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[{\"order_sn\":\"C\"}]}");
    shopee.ok("{\"order_list\":[" + order("C", 200) + "]}");
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[]}");

    OrderPage first = shopee.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = shopee.adapter.fetchOrders(connection, first.next());
    shopee.clock.advance(Duration.ofHours(1));
    OrderPage nextPull = shopee.adapter.fetchOrders(connection, second.next());

    assertEquals(List.of("A", "B"), ids(first), "in the list's order");
    assertTrue(first.hasMore());
    assertEquals((NOW - FIFTEEN_DAYS) + "|" + NOW + "|2", first.next().value());
    assertEquals(List.of("C"), ids(second));
    assertFalse(second.hasMore());
    assertEquals(String.valueOf(NOW - 600), second.next().value());
    assertTrue(nextPull.orders().isEmpty());
    assertEquals(String.valueOf(NOW + 3600 - 600), nextPull.next().value());

    assertList(shopee.takeShopCall("GET", "/api/v2/order/get_order_list").getRequestUrl(),
        NOW - FIFTEEN_DAYS, NOW, null);
    HttpUrl detail = shopee.takeShopCall("GET", "/api/v2/order/get_order_detail").getRequestUrl();
    assertEquals("A,B", detail.queryParameter("order_sn_list"));
    assertEquals("item_list,total_amount,pay_time", detail.queryParameter("response_optional_fields"));
    assertList(shopee.takeShopCall("GET", "/api/v2/order/get_order_list").getRequestUrl(),
        NOW - FIFTEEN_DAYS, NOW, "2");
    shopee.takeShopCall("GET", "/api/v2/order/get_order_detail");
    assertList(shopee.takeShopCall("GET", "/api/v2/order/get_order_list").getRequestUrl(),
        NOW - 600, NOW + 3600, null);
  }

  @Test
  void aCursorMoreThan15DaysBackCatchesUpOneWindowAtATime() {
    long from = NOW - 40L * 24 * 3600;
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[]}");

    OrderPage page = shopee.adapter.fetchOrders(connection, new OrderCursor(String.valueOf(from)));

    assertTrue(page.hasMore(), "more windows before now");
    assertEquals(String.valueOf(from + FIFTEEN_DAYS - 600), page.next().value());
    assertList(shopee.take().getRequestUrl(), from, from + FIFTEEN_DAYS, null);
  }

  @Test
  void normalizesAShopeeOrder() {
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[{\"order_sn\":\"220620ABC\"}]}");
    shopee.ok("""
        {"order_list":[{"order_sn":"220620ABC","region":"SG","currency":"SGD","order_status":"READY_TO_SHIP",
          "create_time":1655700000,"update_time":1655710000,"total_amount":31.5,
          "item_list":[
            {"item_id":1,"item_name":"Red mug","item_sku":"MUG","model_id":51,"model_sku":"MUG-RED",
             "model_quantity_purchased":2,"model_original_price":12.5,"model_discounted_price":11.0},
            {"item_id":2,"item_name":"Spoon","item_sku":"SPOON","model_id":0,"model_sku":"",
             "model_quantity_purchased":1,"model_original_price":9.5,"model_discounted_price":0}]}]}""");

    Order order = shopee.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("shopee", "220620ABC", Order.Status.PAID, "READY_TO_SHIP",
        Instant.ofEpochSecond(1655700000), Instant.ofEpochSecond(1655710000), "SGD", new BigDecimal("31.5"),
        List.of(new Order.Line("MUG-RED", "Red mug", 2, new BigDecimal("11")),
            new Order.Line("SPOON", "Spoon", 1, new BigDecimal("9.5")))), order);
  }

  @ParameterizedTest
  @CsvSource({"UNPAID,PENDING", "READY_TO_SHIP,PAID", "PROCESSED,PAID", "IN_CANCEL,PAID", "SHIPPED,SHIPPED",
      "COMPLETED,SHIPPED", "CANCELLED,CANCELLED", "INVOICE_PENDING,PENDING"})
  void mapsShopeeStatusesToOurs(String shopee, Order.Status expected) {
    assertEquals(expected, ShopeeApi.ORDER_STATUSES.get(shopee));
  }

  @Test
  void anOrderListedWithoutDetailIsAskedForAgainRatherThanSkipped() {
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[{\"order_sn\":\"A\"},{\"order_sn\":\"B\"}]}");
    shopee.ok("{\"order_list\":[" + order("A", 90) + "]}");

    TransientFailure e = assertThrows(TransientFailure.class,
        () -> shopee.adapter.fetchOrders(connection, OrderCursor.START));

    assertTrue(e.getMessage().contains("B"), e.getMessage());
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> shopee.adapter.fetchOrders(connection, new OrderCursor("yesterday")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, shopee.server.getRequestCount());
  }

  private static void assertList(HttpUrl url, long from, long to, String cursor) {
    assertEquals("update_time", url.queryParameter("time_range_field"));
    assertEquals(String.valueOf(from), url.queryParameter("time_from"));
    assertEquals(String.valueOf(to), url.queryParameter("time_to"));
    assertEquals("50", url.queryParameter("page_size"));
    if (cursor == null) {
      assertNull(url.queryParameter("cursor"));
    } else {
      assertEquals(cursor, url.queryParameter("cursor"));
    }
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String order(String sn, long updatedAgo) {
    return "{\"order_sn\":\"" + sn + "\",\"currency\":\"SGD\",\"order_status\":\"COMPLETED\",\"create_time\":"
        + (NOW - 10_000) + ",\"update_time\":" + (NOW - updatedAgo) + ",\"total_amount\":10,\"item_list\":[]}";
  }
}
