package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Pulls orders by modification date, one page of {@value WooCommerceApi#PAGE_SIZE} per call, with
 * {@code page}/{@code per_page} and the {@value WooCommerceApi#TOTAL_PAGES} header [V core code];
 * {@link WooCommerceOrderCursor} says where to resume.
 */
final class WooCommerceOrders {
  private final WooCommerceClient client;
  private final Clock clock;

  WooCommerceOrders(WooCommerceClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  OrderPage page(Connection connection, OrderCursor since) {
    WooCommerceOrderCursor cursor = WooCommerceOrderCursor.parse(since, clock);
    HttpUrl url = client.url(connection, WooCommerceApi.ORDERS).newBuilder()
        .addQueryParameter("modified_after", cursor.modifiedAfter())
        .addQueryParameter(WooCommerceApi.DATES_ARE_GMT, "true")
        .addQueryParameter("orderby", WooCommerceApi.ORDER_BY)
        .addQueryParameter("order", "asc")
        .addQueryParameter("per_page", String.valueOf(WooCommerceApi.PAGE_SIZE))
        .addQueryParameter("page", String.valueOf(cursor.page()))
        .addQueryParameter("_fields", WooCommerceApi.ORDER_FIELDS)
        .build();
    HttpResult r = client.send(connection, new Request.Builder().url(url).get().build()).requireSuccess();
    JsonNode list = r.json();
    if (!list.isArray()) {
      throw new TransientFailure("WooCommerce answered an order list without a list", r.status());
    }
    List<Order> orders = new ArrayList<>();
    Instant latest = null;
    for (JsonNode node : list) {
      Order order = WooCommerceMapper.order(node);
      orders.add(order);
      if (order.updatedAt() != null && (latest == null || order.updatedAt().isAfter(latest))) {
        latest = order.updatedAt();
      }
    }
    String pagesHeader = r.header(WooCommerceApi.TOTAL_PAGES);
    boolean more = pagesHeader != null ? cursor.page() < WooCommerceCatalog.totalPages(r)
        : orders.size() == WooCommerceApi.PAGE_SIZE;
    more &= !orders.isEmpty();
    return more ? new OrderPage(orders, cursor.next(latest).encode(), true)
        : new OrderPage(orders, cursor.finish(latest).encode(), false);
  }
}
