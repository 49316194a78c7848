package io.syncfleet.adapters.octopia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Orders walked by updatedAt: a full page moves the query's start, a tie moves the page number. */
class OctopiaOrdersTest {
  private static final String ORDER = """
      {"orderId":"2406011200ABC","status":"InPreparation","currencyCode":"EUR",
       "totalPrice":{"sellingPrice":24.98,"offerPrice":24.98},
       "purchasedAt":"2024-05-31T18:02:11Z","createdAt":"2024-05-31T18:02:15Z","updatedAt":"UPDATED",
       "lines":[{"orderLineId":"L1","quantity":2,"offer":{"sellerProductId":"SKU-1","productTitle":"Red mug",
                 "productGtin":"3760452700039","condition":"New"},"sellingPrice":{"unitSalesPrice":12.49}}]}""";

  @RegisterExtension
  final OctopiaFixture octopia = new OctopiaFixture();

  @Test
  void aFirstPullLooksBackThirtyDaysAndMapsOrders() {
    octopia.token("tok-1");
    octopia.reply(200, "{\"items\":[" + ORDER.replace("UPDATED", "2024-05-31T18:05:00Z") + "]}");

    OrderPage page = octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START);

    RecordedRequest r = octopia.takeAfterToken();
    assertEquals("/seller/v2/orders?updatedAtMin=2024-05-02T11%3A59%3A59Z&sort=updatedAt&desc=false"
        + "&pageIndex=1&pageSize=100", r.getPath());
    assertEquals("98979", r.getHeader("SellerId"));
    assertEquals(List.of(new Order("octopia", "2406011200ABC", Order.Status.PAID, "InPreparation",
        Instant.parse("2024-05-31T18:02:11Z"), Instant.parse("2024-05-31T18:05:00Z"), "EUR",
        new BigDecimal("24.98"), List.of(new Order.Line("SKU-1", "Red mug", 2, new BigDecimal("12.49"))))),
        page.orders());
    assertFalse(page.hasMore());
    assertEquals(new OrderCursor("2024-05-31T18:05:00Z"), page.next());
  }

  @Test
  void aFullPageRestartsTheQueryAtItsLatestUpdate() {
    octopia.token("tok-1");
    octopia.reply(200, page(100, "2024-05-20T08:00:00Z"));
    OrderPage first = octopia.adapter.fetchOrders(octopia.connection(), new OrderCursor("2024-05-01T00:00:00Z"));
    assertTrue(first.hasMore());
    assertEquals(new OrderCursor("2024-05-20T08:00:00Z"), first.next());
    assertTrue(octopia.takeAfterToken().getPath().contains("updatedAtMin=2024-04-30T23%3A59%3A59Z"));

    octopia.reply(200, "[" + ORDER.replace("UPDATED", "2024-05-21T09:00:00Z") + "]");
    OrderPage last = octopia.adapter.fetchOrders(octopia.connection(), first.next());

    String path = octopia.take().getPath();
    assertTrue(path.contains("updatedAtMin=2024-05-20T07%3A59%3A59Z"), path);
    assertTrue(path.contains("pageIndex=1"), path);
    assertFalse(last.hasMore());
    assertEquals(new OrderCursor("2024-05-21T09:00:00Z"), last.next());
  }

  @Test
  void aFullPageSharingOneUpdateTimeMovesToTheNextPage() {
    octopia.token("tok-1");
    octopia.reply(200, page(100, "2024-05-01T00:00:00Z"));
    OrderPage first = octopia.adapter.fetchOrders(octopia.connection(), new OrderCursor("2024-05-01T00:00:00Z"));
    assertEquals(new OrderCursor("2024-05-01T00:00:00Z|2"), first.next());
    octopia.takeAfterToken();

    octopia.reply(200, "{\"items\":[]}");
    OrderPage second = octopia.adapter.fetchOrders(octopia.connection(), first.next());

    assertTrue(octopia.take().getPath().contains("pageIndex=2"));
    assertFalse(second.hasMore());
    assertEquals(new OrderCursor("2024-05-01T00:00:00Z"), second.next());
  }

  @Test
  void statusesAreNormalized() {
    assertEquals(Order.Status.PENDING, OctopiaApi.orderStatus("WaitingAcceptance"));
    assertEquals(Order.Status.PAID, OctopiaApi.orderStatus("InPreparation"));
    assertEquals(Order.Status.SHIPPED, OctopiaApi.orderStatus("Delivered"));
    assertEquals(Order.Status.CANCELLED, OctopiaApi.orderStatus("Refused"));
  }

  @Test
  void aCursorThisAdapterDidNotWriteIsPermanent() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(), new OrderCursor("2024-05-01T00:00:00Z|0")));

    assertEquals("bad_cursor", e.code());
  }

  private static String page(int count, String updatedAt) {
    StringJoiner orders = new StringJoiner(",");
    for (int i = 0; i < count; i++) {
      orders.add(ORDER.replace("2406011200ABC", "O-" + i).replace("UPDATED", updatedAt));
    }
    return "{\"items\":[" + orders + "]}";
  }
}
