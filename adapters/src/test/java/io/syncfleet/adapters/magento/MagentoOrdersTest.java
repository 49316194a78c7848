package io.syncfleet.adapters.magento;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Order pulls: searchCriteria, keyset paging across pages, and normalized orders. */
class MagentoOrdersTest {
  private static final String FILTER = "searchCriteria[filter_groups][0][filters][0]";

  @RegisterExtension
  final MagentoFixture magento = new MagentoFixture();
  private final Connection connection = magento.connection();

  @Test
  void aFirstPullPagesOnFromTheLastChangeSeenUntilTheTotalIsRead() {
    Instant start = Instant.parse("2024-05-10T00:00:00Z");
    magento.reply(200, page(orders(1, 100, start, 1), 130));
    magento.reply(200, page(orders(100, 31, start.plus(99, ChronoUnit.MINUTES), 1), 31));
    magento.reply(200, page(List.of(), 0));

    OrderPage first = magento.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = magento.adapter.fetchOrders(connection, first.next());
    OrderPage nextPull = magento.adapter.fetchOrders(connection, second.next());

    assertEquals(100, first.orders().size());
    assertTrue(first.hasMore());
    assertEquals("2024-05-10T01:39:00Z", first.next().value(), "the next page starts at the last change seen");
    assertEquals(31, second.orders().size());
    assertFalse(second.hasMore());
    assertEquals("2024-05-10T02:09:00Z", second.next().value());
    assertTrue(nextPull.orders().isEmpty());
    assertEquals("2024-05-10T02:09:00Z", nextPull.next().value(), "nothing new keeps the mark");

    assertQuery(magento.take(), "2024-05-02 12:00:00", "1");
    assertQuery(magento.take(), "2024-05-10 01:39:00", "1");
    assertQuery(magento.take(), "2024-05-10 02:09:00", "1");
  }

  @Test
  void aFullPageOfOneTimestampPagesWithinThatSecond() {
    Instant moment = Instant.parse("2024-05-10T00:00:00Z");
    magento.reply(200, page(orders(1, 100, moment, 0), 150));
    magento.reply(200, page(orders(101, 50, moment, 0), 150));

    OrderPage first = magento.adapter.fetchOrders(connection, new OrderCursor("2024-05-10T00:00:00Z"));
    OrderPage second = magento.adapter.fetchOrders(connection, first.next());

    assertEquals("2024-05-10T00:00:00Z|2", first.next().value());
    assertTrue(first.hasMore());
    assertFalse(second.hasMore());
    assertEquals("2024-05-10T00:00:00Z", second.next().value());
    assertQuery(magento.take(), "2024-05-10 00:00:00", "1");
    assertQuery(magento.take(), "2024-05-10 00:00:00", "2");
  }

  @Test
  void normalizesAnOrderFoldingChildLinesIntoTheirParent() {
    magento.reply(200, page(List.of("""
        {"entity_id":7,"increment_id":"000000042","state":"processing","status":"processing",
         "created_at":"2024-05-29 08:00:00","updated_at":"2024-05-30 10:00:00",
         "order_currency_code":"EUR","grand_total":35.5,
         "items":[
          {"item_id":1,"sku":"TEE-M","name":"Tee","product_type":"configurable","qty_ordered":2,"qty_shipped":2,"price":15},
          {"item_id":2,"parent_item_id":1,"sku":"TEE-M","name":"Tee-M","product_type":"simple","qty_ordered":2,"price":0},
          {"item_id":3,"sku":"MUG","name":"Mug","product_type":"simple","qty_ordered":1,"qty_shipped":0,"price":5.5}]}"""), 1));

    Order order = magento.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z")).orders().get(0);

    assertEquals(new Order("magento", "000000042", Order.Status.PARTIALLY_SHIPPED, "processing",
        Instant.parse("2024-05-29T08:00:00Z"), Instant.parse("2024-05-30T10:00:00Z"), "EUR", new BigDecimal("35.5"),
        List.of(new Order.Line("TEE-M", "Tee", 2, new BigDecimal("15")),
            new Order.Line("MUG", "Mug", 1, new BigDecimal("5.5")))), order);
  }

  @Test
  void statesMapToOurStatuses() {
    assertEquals(Order.Status.PENDING, MagentoApi.orderStatus("pending_payment", false));
    assertEquals(Order.Status.PAID, MagentoApi.orderStatus("processing", false));
    assertEquals(Order.Status.SHIPPED, MagentoApi.orderStatus("complete", true));
    assertEquals(Order.Status.REFUNDED, MagentoApi.orderStatus("closed", true));
    assertEquals(Order.Status.CANCELLED, MagentoApi.orderStatus("canceled", false));
  }

  @Test
  void aCursorThisAdapterDidNotWriteIsAPermanentFailure() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> magento.adapter.fetchOrders(connection, new OrderCursor("yesterday")));
    assertEquals("bad_cursor", e.code());
    assertEquals(0, magento.server.getRequestCount());
  }

  private static void assertQuery(RecordedRequest r, String since, String page) {
    assertEquals("GET", r.getMethod());
    HttpUrl url = r.getRequestUrl();
    assertEquals("/rest/all/V1/orders", url.encodedPath());
    assertEquals("updated_at", url.queryParameter(FILTER + "[field]"));
    assertEquals(since, url.queryParameter(FILTER + "[value]"));
    assertEquals("gteq", url.queryParameter(FILTER + "[condition_type]"));
    assertEquals("updated_at", url.queryParameter("searchCriteria[sortOrders][0][field]"));
    assertEquals("ASC", url.queryParameter("searchCriteria[sortOrders][0][direction]"));
    assertEquals("100", url.queryParameter("searchCriteria[pageSize]"));
    assertEquals(page, url.queryParameter("searchCriteria[currentPage]"));
  }

  /** {@code count} orders numbered from {@code first}, changed {@code stepMinutes} apart from {@code from}. */
  private static List<String> orders(int first, int count, Instant from, int stepMinutes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = MagentoApi.TIMESTAMP.format(from.plus((long) i * stepMinutes, ChronoUnit.MINUTES));
      out.add("{\"entity_id\":" + (first + i) + ",\"increment_id\":\"" + (first + i) + "\",\"state\":\"new\","
          + "\"created_at\":\"" + at + "\",\"updated_at\":\"" + at + "\",\"order_currency_code\":\"EUR\","
          + "\"grand_total\":1,\"items\":[]}");
    }
    return out;
  }

  private static String page(List<String> orders, int total) {
    return "{\"items\":[" + String.join(",", orders) + "],\"search_criteria\":{},\"total_count\":" + total + "}";
  }
}
