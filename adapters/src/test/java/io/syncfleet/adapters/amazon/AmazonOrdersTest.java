package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmazonOrdersTest {
  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();
  private final Connection connection = amazon.connection();

  @Test
  void aFirstPullPagesWithNextTokenFetchesEveryOrdersLinesAndEndsAtTheHighWaterMark() {
    amazon.token("tok-1");
    amazon.reply(200, page("tok/+=1", order("A", "2024-05-30T10:00:00Z"), order("B", "2024-05-10T00:00:00Z")));
    amazon.reply(200, items("A", "a-2", item("SKU-1", 1, "10.00")));
    amazon.reply(200, items("A", null, item("SKU-2", 2, "8.00")));
    amazon.reply(200, items("B", null, item("SKU-1", 1, "10.00")));
    amazon.reply(200, page(null, order("C", "2024-05-15T00:00:00Z")));
    amazon.reply(200, items("C", null));
    amazon.reply(200, page(null));

    OrderPage first = amazon.adapter.fetchOrders(connection, OrderCursor.START);
    OrderPage second = amazon.adapter.fetchOrders(connection, first.next());
    OrderPage nextPull = amazon.adapter.fetchOrders(connection, second.next());

    assertEquals(List.of("A", "B"), ids(first));
    assertEquals(2, first.orders().get(0).lines().size(), "lines from both pages of order items");
    assertTrue(first.hasMore());
    assertEquals("2024-05-02T12:00:00Z|2024-05-30T10:00:00Z|dG9rLys9MQ|", first.next().value());
    assertEquals(List.of("C"), ids(second));
    assertFalse(second.hasMore());
    assertEquals("2024-05-30T10:00:00Z", second.next().value(), "the latest change of the whole walk");
    assertTrue(nextPull.orders().isEmpty());
    assertEquals("2024-05-30T10:00:00Z", nextPull.next().value(), "nothing new keeps the mark");

    assertOrdersQuery(amazon.takeAfterToken(), "2024-05-02T12:00:00Z", null);
    assertEquals("/orders/v0/orders/A/orderItems", amazon.take().getPath());
    RecordedRequest itemsPage2 = amazon.take();
    assertEquals("/orders/v0/orders/A/orderItems", itemsPage2.getRequestUrl().encodedPath());
    assertEquals("a-2", itemsPage2.getRequestUrl().queryParameter("NextToken"));
    assertEquals("/orders/v0/orders/B/orderItems", amazon.take().getPath());
    assertOrdersQuery(amazon.take(), "2024-05-02T12:00:00Z", "tok/+=1");
    amazon.take();
    assertOrdersQuery(amazon.take(), "2024-05-30T10:00:00Z", null);
  }

  @Test
  void aNewWalkStaysTwoMinutesBehindNow() {
    amazon.token("tok-1");
    amazon.reply(200, page(null));

    OrderPage page = amazon.adapter.fetchOrders(connection, new OrderCursor("2024-06-01T11:59:30Z"));

    assertOrdersQuery(amazon.takeAfterToken(), "2024-06-01T11:58:00Z", null);
    assertEquals("2024-06-01T11:59:30Z", page.next().value(), "the mark itself is kept");
  }

  @Test
  void throttledOrderItemsCutThePageShortAndTheNextPullResumesIt() {
    amazon.token("tok-1");
    amazon.reply(200, page(null, order("A", "2024-05-30T10:00:00Z"), order("B", "2024-05-31T10:00:00Z")));
    amazon.reply(200, items("A", null, item("SKU-1", 1, "10.00")));
    amazon.throttled("0.5");

    OrderPage cut = amazon.adapter.fetchOrders(connection, new OrderCursor("2024-05-01T00:00:00Z"));

    assertEquals(List.of("A"), ids(cut));
    assertFalse(cut.hasMore(), "the rest waits for the next scheduled pull, when the item quota is back");
    assertEquals("2024-05-01T00:00:00Z|2024-05-30T10:00:00Z||A", cut.next().value());

    amazon.reply(200, page(null, order("A", "2024-05-30T10:00:00Z"), order("B", "2024-05-31T10:00:00Z")));
    amazon.reply(200, items("B", null, item("SKU-2", 1, "3.00")));
    OrderPage resumed = amazon.adapter.fetchOrders(connection, cut.next());

    assertEquals(List.of("B"), ids(resumed));
    assertEquals("2024-05-31T10:00:00Z", resumed.next().value());
    amazon.takeAfterToken();
    amazon.take();
    amazon.take();
    assertOrdersQuery(amazon.take(), "2024-05-01T00:00:00Z", null);
    assertEquals("/orders/v0/orders/B/orderItems", amazon.take().getPath(), "A is not fetched again");
  }

  @Test
  void throttledOrderItemsBeforeAnyOrderIsDoneAreARateLimit() {
    amazon.token("tok-1");
    amazon.reply(200, page(null, order("A", "2024-05-30T10:00:00Z")));
    amazon.throttled("0.5");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
  }

  @Test
  void aThrottledOrderListWaitsAMinuteAsGetOrdersRateSays() {
    amazon.token("tok-1");
    amazon.throttled("0.0167");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals(Duration.ofMillis(59_881), e.retryAfter().orElseThrow());
  }

  @Test
  void normalizesAnAmazonOrder() {
    amazon.token("tok-1");
    amazon.reply(200, """
        {"payload":{"Orders":[{"AmazonOrderId":"302-1234567-1234567","PurchaseDate":"2024-05-29T08:00:00Z",
          "LastUpdateDate":"2024-05-30T10:00:00Z","OrderStatus":"PartiallyShipped","FulfillmentChannel":"MFN",
          "OrderTotal":{"CurrencyCode":"EUR","Amount":"35.00"},"MarketplaceId":"A1PA6795UKMFR9"}]}}
        """);
    amazon.reply(200, """
        {"payload":{"AmazonOrderId":"302-1234567-1234567","OrderItems":[
          {"ASIN":"B000000001","SellerSKU":"SKU-1","OrderItemId":"1","Title":"Red mug","QuantityOrdered":3,
           "ItemPrice":{"CurrencyCode":"EUR","Amount":"30.00"}},
          {"ASIN":"B000000002","SellerSKU":"SKU-2","OrderItemId":"2","Title":"Blue cup","QuantityOrdered":1,
           "ItemPrice":{"CurrencyCode":"EUR","Amount":"5.00"}}]}}
        """);

    Order order = amazon.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(new Order("amazon", "302-1234567-1234567", Order.Status.PARTIALLY_SHIPPED, "PartiallyShipped",
        Instant.parse("2024-05-29T08:00:00Z"), Instant.parse("2024-05-30T10:00:00Z"), "EUR", new BigDecimal("35.00"),
        List.of(new Order.Line("SKU-1", "Red mug", 3, new BigDecimal("10.00")),
            new Order.Line("SKU-2", "Blue cup", 1, new BigDecimal("5.00")))), order);
  }

  @Test
  void aPendingOrderWithoutTotalIsStillAnOrder() {
    amazon.token("tok-1");
    amazon.reply(200, page(null, "{\"AmazonOrderId\":\"P\",\"PurchaseDate\":\"2024-05-29T08:00:00Z\","
        + "\"LastUpdateDate\":\"2024-05-29T08:00:00Z\",\"OrderStatus\":\"Pending\"}"));
    amazon.reply(200, items("P", null, "{\"SellerSKU\":\"SKU-1\",\"Title\":\"Mug\",\"QuantityOrdered\":1}"));

    Order order = amazon.adapter.fetchOrders(connection, OrderCursor.START).orders().get(0);

    assertEquals(Order.Status.PENDING, order.status());
    assertNull(order.total());
    assertNull(order.lines().get(0).unitPrice());
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "Pending,PENDING", "PendingAvailability,PENDING", "Unshipped,PAID", "PartiallyShipped,PARTIALLY_SHIPPED",
      "Shipped,SHIPPED", "InvoiceUnconfirmed,SHIPPED", "Canceled,CANCELLED", "Unfulfillable,CANCELLED",
      "SomethingNew,PENDING", "-,PENDING"})
  void mapsAmazonStatusesToOurs(String amazonStatus, Order.Status expected) {
    assertEquals(expected, AmazonApi.orderStatus(amazonStatus));
  }

  @Test
  void anUnreadableCursorIsAPermanentFailureBeforeAnyCall() {
    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> amazon.adapter.fetchOrders(connection, new OrderCursor("yesterday|x")));

    assertEquals("bad_cursor", e.code());
    assertEquals(0, amazon.server.getRequestCount());
  }

  private static void assertOrdersQuery(RecordedRequest r, String after, String nextToken) {
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/orders/v0/orders", url.encodedPath());
    assertEquals("tok-1", r.getHeader("x-amz-access-token"));
    assertEquals("A1PA6795UKMFR9", url.queryParameter("MarketplaceIds"));
    assertEquals(after, url.queryParameter("LastUpdatedAfter"));
    assertEquals("20", url.queryParameter("MaxResultsPerPage"));
    assertEquals(nextToken, url.queryParameter("NextToken"));
  }

  private static List<String> ids(OrderPage page) {
    return page.orders().stream().map(Order::orderId).toList();
  }

  private static String page(String nextToken, String... orders) {
    String next = nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"";
    return "{\"payload\":{\"Orders\":[" + String.join(",", orders) + "]" + next
        + ",\"LastUpdatedBefore\":\"2024-06-01T11:58:00Z\"}}";
  }

  private static String order(String id, String updated) {
    return "{\"AmazonOrderId\":\"" + id + "\",\"PurchaseDate\":\"2024-05-01T00:00:00Z\",\"LastUpdateDate\":\""
        + updated + "\",\"OrderStatus\":\"Unshipped\",\"OrderTotal\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"9.99\"}}";
  }

  private static String items(String orderId, String nextToken, String... items) {
    String next = nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"";
    return "{\"payload\":{\"AmazonOrderId\":\"" + orderId + "\",\"OrderItems\":[" + String.join(",", items) + "]"
        + next + "}}";
  }

  private static String item(String sku, int quantity, String price) {
    return "{\"SellerSKU\":\"" + sku + "\",\"Title\":\"Item " + sku + "\",\"QuantityOrdered\":" + quantity
        + ",\"ItemPrice\":{\"CurrencyCode\":\"EUR\",\"Amount\":\"" + price + "\"}}";
  }
}
