package io.syncfleet.adapters.amazon;

import static io.syncfleet.adapters.amazon.AmazonErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Order pulls through Orders API v0 [V]: getOrders by LastUpdatedAfter, paged with NextToken, and
 * getOrderItems for each order, since getOrders carries no lines. Buyer details are left out: they
 * need a Restricted Data Token [V] and the order stream has no place for them.
 */
final class AmazonOrders {
  private final AmazonAuth auth;
  private final Clock clock;

  AmazonOrders(AmazonAuth auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  /**
   * One page of orders changed since the cursor, each with its lines. When Amazon throttles the order
   * items part-way through a page, the orders completed so far are returned with a cursor that resumes
   * the page at the next scheduled pull, when the item quota has come back; when none was completed,
   * the throttle is thrown.
   */
  OrderPage page(Connection c, AmazonSettings s, OrderCursor since) {
    AmazonOrderCursor cursor = AmazonOrderCursor.parse(since, clock);
    Instant after = cursor.queryAfter(clock.instant());
    HttpUrl.Builder url = s.url(AmazonApi.ORDERS).newBuilder()
        .addQueryParameter("MarketplaceIds", s.marketplaceId())
        .addQueryParameter("LastUpdatedAfter", AmazonApi.TIMESTAMP.format(after))
        .addQueryParameter("MaxResultsPerPage", String.valueOf(AmazonApi.ORDER_PAGE_SIZE));
    if (cursor.page() != null) {
      url.addQueryParameter("NextToken", cursor.page());
    }
    JsonNode payload = payload(auth.send(c, s, new Request.Builder().url(url.build()).get().build())
        .requireSuccess().json());

    List<Order> orders = new ArrayList<>();
    AmazonOrderCursor progress = cursor;
    for (JsonNode o : payload.path("Orders")) {
      String id = text(o, "AmazonOrderId");
      if (id == null || cursor.done().contains(id)) {
        continue;
      }
      List<Order.Line> lines;
      try {
        lines = lines(c, s, id);
      } catch (RateLimitedFailure e) {
        if (orders.isEmpty()) {
          throw e;
        }
        return new OrderPage(orders, progress.encode(), false);
      }
      Order order = AmazonMapper.order(o, lines);
      orders.add(order);
      progress = progress.deliver(id, order.updatedAt(), after);
    }
    String nextToken = text(payload, "NextToken");
    if (nextToken != null && !nextToken.isEmpty()) {
      return new OrderPage(orders, progress.next(nextToken, after).encode(), true);
    }
    return new OrderPage(orders, progress.finish().encode(), false);
  }

  /** Every line of an order, following getOrderItems' own NextToken [V]. */
  private List<Order.Line> lines(Connection c, AmazonSettings s, String orderId) {
    List<Order.Line> lines = new ArrayList<>();
    String token = null;
    do {
      HttpUrl.Builder url = s.url(AmazonApi.ORDERS).newBuilder().addPathSegment(orderId)
          .addPathSegment(AmazonApi.ORDER_ITEMS);
      if (token != null) {
        url.addQueryParameter("NextToken", token);
      }
      JsonNode payload = payload(auth.send(c, s, new Request.Builder().url(url.build()).get().build())
          .requireSuccess().json());
      for (JsonNode item : payload.path("OrderItems")) {
        lines.add(AmazonMapper.line(item));
      }
      token = text(payload, "NextToken");
    } while (token != null && !token.isEmpty());
    return lines;
  }

  /** The {@code payload} of an Orders API answer [V]; an answer without one is garbled. */
  private static JsonNode payload(JsonNode body) {
    JsonNode payload = body.path("payload");
    if (!payload.isObject()) {
      throw new TransientFailure("Amazon's orders answer has no payload", 200);
    }
    return payload;
  }
}
