package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulls Lazada orders one page at a time: orders/get by update time, oldest first, 50 per page,
 * then orders/items/get for their lines in one call [V]; see {@link LazadaOrderCursor} for paging.
 */
final class LazadaOrders {
  private final LazadaClient client;
  private final Clock clock;

  LazadaOrders(LazadaClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  OrderPage page(Connection c, OrderCursor since) {
    LazadaSettings s = LazadaSettings.of(c);
    LazadaOrderCursor cursor = LazadaOrderCursor.parse(since, clock);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("update_after", LazadaApi.FILTER_TIME.format(cursor.since().atOffset(ZoneOffset.UTC)));
    params.put("sort_by", "updated_at");
    params.put("sort_direction", "ASC");
    params.put("offset", String.valueOf(cursor.skip()));
    params.put("limit", String.valueOf(LazadaApi.ORDERS_PAGE));
    JsonNode data = client.get(c, s, LazadaApi.ORDERS, params).orThrow().data();
    List<JsonNode> listed = new ArrayList<>();
    data.path("orders").forEach(listed::add);
    Map<String, List<JsonNode>> items = items(c, s, listed);
    List<Order> orders = new ArrayList<>(listed.size());
    Instant latest = null;
    int atLatest = 0;
    for (JsonNode o : listed) {
      Order order = LazadaMapper.order(o, items.getOrDefault(text(o, "order_id"), List.of()), s.currency());
      orders.add(order);
      Instant updated = order.updatedAt();
      if (updated != null && (latest == null || updated.isAfter(latest))) {
        latest = updated;
        atLatest = 1;
      } else if (updated != null && updated.equals(latest)) {
        atLatest++;
      }
    }
    LazadaOrderCursor next = cursor.after(latest, atLatest);
    boolean more = listed.size() >= LazadaApi.ORDERS_PAGE;
    return new OrderPage(orders, (more ? next : next.rest()).encode(), more);
  }

  private Map<String, List<JsonNode>> items(Connection c, LazadaSettings s, List<JsonNode> orders) {
    Map<String, List<JsonNode>> byOrder = new HashMap<>();
    if (orders.isEmpty()) {
      return byOrder;
    }
    StringBuilder ids = new StringBuilder("[");
    for (JsonNode o : orders) {
      ids.append(ids.length() == 1 ? "" : ",").append(text(o, "order_id"));
    }
    JsonNode data = client.get(c, s, LazadaApi.ORDER_ITEMS, Map.of("order_ids", ids.append(']').toString()))
        .orThrow().data();
    for (JsonNode order : data) {
      List<JsonNode> list = byOrder.computeIfAbsent(text(order, "order_id"), k -> new ArrayList<>());
      order.path("order_items").forEach(list::add);
    }
    return byOrder;
  }
}
