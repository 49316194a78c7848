package io.syncfleet.adapters.mirakl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OR11 paging by offset over orders sorted by creation, and where the next pull starts. */
class MiraklOrdersTest {
  private static final String ORDER = """
      {"order_id":"ORD-1-A","order_state":"SHIPPING","created_date":"2024-05-30T09:15:00Z",
       "last_updated_date":"2024-05-31T10:00:00.123Z","currency_iso_code":"EUR","total_price":29.97,
       "order_lines":[{"offer_sku":"SKU-1","product_title":"Red mug","quantity":3,"price_unit":9.99,"price":29.97,
                       "order_line_state":"SHIPPING"}]}""";

  @RegisterExtension
  final MiraklFixture mirakl = new MiraklFixture();

  @Test
  void aFirstPullLooksBackThirtyDaysAndMapsOrders() {
    mirakl.reply(200, "{\"orders\":[" + ORDER + "],\"total_count\":1}");

    OrderPage page = mirakl.adapter.fetchOrders(mirakl.connection(), OrderCursor.START);

    RecordedRequest r = mirakl.take();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/orders?shop_id=2001&start_update_date=2024-05-02T12%3A00%3A00Z&sort=dateCreated"
        + "&order=asc&paginate=true&max=100&offset=0", r.getPath());
    assertEquals(MiraklFixture.API_KEY, r.getHeader("Authorization"));
    assertEquals(List.of(new Order("mirakl", "ORD-1-A", Order.Status.PAID, "SHIPPING",
        Instant.parse("2024-05-30T09:15:00Z"), Instant.parse("2024-05-31T10:00:00.123Z"), "EUR",
        new BigDecimal("29.97"), List.of(new Order.Line("SKU-1", "Red mug", 3, new BigDecimal("9.99"))))),
        page.orders());
    assertFalse(page.hasMore());
    // The next pull starts five minutes before this one did.
    assertEquals(new OrderCursor("2024-06-01T11:55:00Z"), page.next());
  }

  @Test
  void pagesThroughAWalkByOffsetAndRestartsBeforeItsStart() {
    OrderCursor cursor = new OrderCursor("2024-05-01T00:00:00Z");
    mirakl.reply(200, page(100, 0, 230));
    OrderPage first = mirakl.adapter.fetchOrders(mirakl.connection(), cursor);
    assertTrue(first.hasMore());
    assertEquals(new OrderCursor("2024-05-01T00:00:00Z|100|2024-06-01T12:00:00Z"), first.next());
    assertTrue(mirakl.take().getPath().contains("start_update_date=2024-05-01T00%3A00%3A00Z"));

    mirakl.clock.advance(Duration.ofMinutes(2));
    mirakl.reply(200, page(100, 100, 230));
    OrderPage second = mirakl.adapter.fetchOrders(mirakl.connection(), first.next());
    assertTrue(second.hasMore());
    assertEquals(new OrderCursor("2024-05-01T00:00:00Z|200|2024-06-01T12:00:00Z"), second.next());
    String path = mirakl.take().getPath();
    assertTrue(path.contains("start_update_date=2024-05-01T00%3A00%3A00Z"), path);
    assertTrue(path.endsWith("&max=100&offset=100"), path);

    mirakl.reply(200, page(30, 200, 230));
    OrderPage last = mirakl.adapter.fetchOrders(mirakl.connection(), second.next());
    assertFalse(last.hasMore());
    assertEquals(30, last.orders().size());
    assertEquals(new OrderCursor("2024-06-01T11:55:00Z"), last.next());
    assertTrue(mirakl.take().getPath().endsWith("&offset=200"));
  }

  @Test
  void aFullLastPageEndsTheWalkByTheTotalCount() {
    mirakl.reply(200, page(100, 0, 100));

    OrderPage page = mirakl.adapter.fetchOrders(mirakl.connection(), new OrderCursor("2024-05-01T00:00:00Z"));

    assertFalse(page.hasMore());
  }

  @Test
  void orderStatesAreNormalized() {
    assertEquals(Order.Status.PENDING, MiraklApi.orderStatus("WAITING_ACCEPTANCE"));
    assertEquals(Order.Status.PENDING, MiraklApi.orderStatus("WAITING_DEBIT_PAYMENT"));
    assertEquals(Order.Status.PAID, MiraklApi.orderStatus("SHIPPING"));
    assertEquals(Order.Status.SHIPPED, MiraklApi.orderStatus("RECEIVED"));
    assertEquals(Order.Status.CANCELLED, MiraklApi.orderStatus("REFUSED"));
    assertEquals(Order.Status.CANCELLED, MiraklApi.orderStatus("CANCELED"));
    assertEquals(Order.Status.REFUNDED, MiraklApi.orderStatus("REFUNDED"));
  }

  @Test
  void aCursorThisAdapterDidNotWriteIsPermanent() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> mirakl.adapter.fetchOrders(mirakl.connection(), new OrderCursor("yesterday")));

    assertEquals("bad_cursor", e.code());
  }

  private static String page(int count, int from, int total) {
    StringJoiner orders = new StringJoiner(",");
    for (int i = 0; i < count; i++) {
      orders.add(ORDER.replace("ORD-1-A", "ORD-" + (from + i)));
    }
    return "{\"orders\":[" + orders + "],\"total_count\":" + total + "}";
  }
}
