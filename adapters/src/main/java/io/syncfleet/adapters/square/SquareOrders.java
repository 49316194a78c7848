package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;

/**
 * Pulls orders by {@code updated_at}, oldest change first, one page per call, resuming where
 * {@link SquareOrderCursor} says, over the connection's locations in groups of 10. Square's order
 * lines name a catalog variation, not a SKU [V SDK], so each page's variations are read in one more
 * call to give every line its SKU.
 */
final class SquareOrders {
  private final SquareAuth auth;
  private final SquareCatalog catalog;
  private final SquareLocations locations;
  private final Clock clock;

  SquareOrders(SquareAuth auth, SquareCatalog catalog, SquareLocations locations, Clock clock) {
    this.auth = auth;
    this.catalog = catalog;
    this.locations = locations;
    this.clock = clock;
  }

  /** One page of orders changed since {@code since}, and where to go on. */
  OrderPage page(Connection c, SquareSettings s, OrderCursor since) {
    SquareOrderCursor cursor = SquareOrderCursor.parse(since, clock);
    List<String> all = locations.orderLocations(c, s);
    int groups = (all.size() + SquareApi.ORDER_LOCATIONS - 1) / SquareApi.ORDER_LOCATIONS;
    if (cursor.group() >= groups) {
      return new OrderPage(List.of(), cursor.finish().encode(), false);
    }
    List<String> group = all.subList(cursor.group() * SquareApi.ORDER_LOCATIONS,
        Math.min(all.size(), (cursor.group() + 1) * SquareApi.ORDER_LOCATIONS));
    JsonNode answer = auth.send(c, s, new Request.Builder().url(s.url(SquareApi.ORDERS_SEARCH))
        .post(MarketplaceHttp.json(search(group, cursor))).build()).requireSuccess().json();
    Set<String> variationIds = new LinkedHashSet<>();
    for (JsonNode o : answer.path("orders")) {
      o.path("line_items").forEach(line -> {
        if (text(line, "catalog_object_id") != null) {
          variationIds.add(text(line, "catalog_object_id"));
        }
      });
    }
    Map<String, String> skus = catalog.skus(c, s, variationIds);
    List<Order> orders = new ArrayList<>();
    for (JsonNode o : answer.path("orders")) {
      Order order = SquareMapper.order(o, skus);
      orders.add(order);
      cursor = cursor.seen(order.updatedAt());
    }
    String next = text(answer, "cursor");
    if (next != null && !next.isEmpty()) {
      return new OrderPage(orders, cursor.nextPage(next).encode(), true);
    }
    if (cursor.group() + 1 < groups) {
      return new OrderPage(orders, cursor.nextGroup().encode(), true);
    }
    return new OrderPage(orders, cursor.finish().encode(), false);
  }

  /** The search of one page: the run's filter and sort (a cursor needs the original query [V SDK]). */
  private static ObjectNode search(List<String> locationIds, SquareOrderCursor cursor) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode ids = body.putArray("location_ids");
    locationIds.forEach(ids::add);
    ObjectNode query = body.putObject("query");
    ObjectNode filter = query.putObject("filter");
    filter.putObject("date_time_filter").putObject("updated_at").put("start_at", cursor.since().toString());
    ArrayNode states = filter.putObject("state_filter").putArray("states");
    SquareApi.ORDER_STATES.forEach(states::add);
    // The sort field must be the one the date filter uses [V SDK].
    query.putObject("sort").put("sort_field", "UPDATED_AT").put("sort_order", "ASC");
    body.put("limit", SquareApi.ORDER_PAGE_SIZE);
    if (cursor.after() != null) {
      body.put("cursor", cursor.after());
    }
    return body;
  }
}
