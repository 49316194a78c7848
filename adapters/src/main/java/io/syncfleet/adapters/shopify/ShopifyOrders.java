package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls orders by {@code updated_at}, oldest change first, one page per call, resuming where
 * {@link ShopifyOrderCursor} says. An order with more lines than a page carries gets the rest
 * fetched before it is returned, so every order comes back whole.
 */
final class ShopifyOrders {
  private final ShopifyGraphql graphql;

  ShopifyOrders(ShopifyGraphql graphql) {
    this.graphql = graphql;
  }

  /** One page of orders changed since {@code since}, and where to go on. */
  OrderPage page(Connection connection, OrderCursor since) {
    ShopifyOrderCursor cursor = ShopifyOrderCursor.decode(since);
    ObjectNode variables = Json.MAPPER.createObjectNode()
        .put("first", ShopifyApi.ORDERS_PAGE)
        .put("after", cursor.after())
        .put("query", cursor.searchQuery())
        .put("lines", ShopifyApi.ORDER_LINES_PAGE);
    JsonNode page = graphql.execute(connection, ShopifyQueries.ORDERS_UPDATED_SINCE, variables).path("orders");
    List<Order> orders = new ArrayList<>();
    Instant seen = cursor.highWater();
    try {
      for (JsonNode node : page.path("nodes")) {
        JsonNode lineItems = node.path("lineItems");
        List<Order.Line> lines = ShopifyMapper.lines(lineItems.path("nodes"));
        String moreLines = ShopifyGraphql.nextCursor(lineItems);
        if (moreLines != null) {
          lines.addAll(remainingLines(connection, node.path("id").asText(), moreLines));
        }
        Order order = ShopifyMapper.order(node, lines);
        orders.add(order);
        seen = ShopifyOrderCursor.later(seen, order.updatedAt());
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new TransientFailure("Shopify sent an order this adapter cannot read: " + e.getMessage(), 200,
          "unreadable_order", e);
    }
    String nextPage = ShopifyGraphql.nextCursor(page);
    if (nextPage != null) {
      return new OrderPage(orders, cursor.nextPage(seen, nextPage).encode(), true);
    }
    return new OrderPage(orders, cursor.nextRun(seen).encode(), false);
  }

  private List<Order.Line> remainingLines(Connection connection, String orderId, String after) {
    List<Order.Line> lines = new ArrayList<>();
    String cursor = after;
    while (cursor != null) {
      ObjectNode variables = Json.MAPPER.createObjectNode()
          .put("id", orderId)
          .put("first", ShopifyApi.ORDER_LINES_FOLLOW_UP_PAGE)
          .put("after", cursor);
      JsonNode lineItems = graphql.execute(connection, ShopifyQueries.ORDER_LINE_ITEMS, variables)
          .path("order").path("lineItems");
      lines.addAll(ShopifyMapper.lines(lineItems.path("nodes")));
      cursor = ShopifyGraphql.nextCursor(lineItems);
    }
    return lines;
  }
}
