package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulls Shopee orders one page at a time: get_order_list by update_time inside the cursor's window
 * (up to 50 order numbers), then get_order_detail for those numbers with their lines and totals [V].
 * Windows are walked oldest first until one reaches now; see {@link ShopeeOrderCursor}.
 */
final class ShopeeOrders {
  private final ShopeeClient client;
  private final Clock clock;

  ShopeeOrders(ShopeeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  OrderPage page(Connection c, OrderCursor since) {
    ShopeeSettings s = ShopeeSettings.of(c);
    Instant now = clock.instant();
    ShopeeOrderCursor cursor = ShopeeOrderCursor.parse(since, clock).window(now);
    if (cursor.to() <= cursor.from()) {
      return new OrderPage(List.of(), ShopeeOrderCursor.at(cursor.from()).encode(), false);
    }
    JsonNode list = client.get(c, s, ShopeeApi.ORDER_LIST, q -> {
      q.addQueryParameter("time_range_field", ShopeeApi.UPDATE_TIME)
          .addQueryParameter("time_from", String.valueOf(cursor.from()))
          .addQueryParameter("time_to", String.valueOf(cursor.to()))
          .addQueryParameter("page_size", String.valueOf(ShopeeApi.ORDER_PAGE));
      if (cursor.walking()) {
        q.addQueryParameter("cursor", cursor.page());
      }
    }).orThrow().response();
    List<String> numbers = new ArrayList<>();
    for (JsonNode o : list.path("order_list")) {
      String sn = text(o, "order_sn");
      if (sn != null && !sn.isEmpty()) {
        numbers.add(sn);
      }
    }
    List<Order> orders = details(c, s, numbers);
    String nextPage = text(list, "next_cursor");
    if (list.path("more").asBoolean(false) && nextPage != null && !nextPage.isEmpty()) {
      return new OrderPage(orders, cursor.next(nextPage).encode(), true);
    }
    // A window cut short at 15 days leaves more windows to walk before now.
    boolean behind = cursor.to() < now.getEpochSecond();
    return new OrderPage(orders, cursor.finish().encode(), behind);
  }

  private List<Order> details(Connection c, ShopeeSettings s, List<String> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    JsonNode response = client.get(c, s, ShopeeApi.ORDER_DETAIL, q -> q
        .addQueryParameter("order_sn_list", String.join(",", numbers))
        .addQueryParameter("response_optional_fields", ShopeeApi.ORDER_DETAIL_FIELDS)).orThrow().response();
    Map<String, Order> bySn = new HashMap<>();
    for (JsonNode o : response.path("order_list")) {
      Order order = ShopeeMapper.order(o);
      bySn.put(order.orderId(), order);
    }
    List<Order> orders = new ArrayList<>(numbers.size());
    for (String sn : numbers) {
      Order order = bySn.get(sn);
      if (order == null) {
        // Moving on would lose the order until its next change; the page is asked for again instead.
        throw new TransientFailure("Shopee listed order " + sn + " but sent no detail for it", 200);
      }
      orders.add(order);
    }
    return orders;
  }
}
