package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pulls orders by {@code date_upd}, one page of {@value PrestaShopApi#ORDER_PAGE} per call with
 * {@code limit=offset,count} [V core code], plus one call for the page's currency codes.
 * {@link PrestaShopOrderCursor} says where to resume. PrestaShop writes dates in the shop's time zone
 * without saying which: the connection's {@code timezone} setting (default UTC) tells.
 */
final class PrestaShopOrders {
  private final PrestaShopClient client;
  private final Clock clock;

  PrestaShopOrders(PrestaShopClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  OrderPage page(Connection connection, OrderCursor since) {
    ZoneId zone = zone(connection);
    PrestaShopOrderCursor cursor = PrestaShopOrderCursor.parse(since, clock, zone);
    List<JsonNode> nodes = client.list(connection, client.jsonUrl(connection, PrestaShopApi.ORDERS).newBuilder()
        .addQueryParameter("display", "full")
        .addQueryParameter(PrestaShopApi.DATE_FILTERS, "1")
        .addQueryParameter("filter[date_upd]", cursor.range())
        .addQueryParameter("sort", "[date_upd_ASC,id_ASC]")
        .addQueryParameter("limit", cursor.offset() + "," + PrestaShopApi.ORDER_PAGE)
        .build(), PrestaShopApi.ORDERS);
    Map<String, String> currencies = currencies(connection, nodes);
    List<Order> orders = new ArrayList<>();
    String latest = null;
    for (JsonNode node : nodes) {
      orders.add(PrestaShopMapper.order(node, currencies, zone));
      String updated = node.path("date_upd").asText("");
      if (!updated.isEmpty() && (latest == null || updated.compareTo(latest) > 0)) {
        latest = updated;
      }
    }
    boolean more = nodes.size() == PrestaShopApi.ORDER_PAGE;
    return more ? new OrderPage(orders, cursor.next(latest).encode(), true)
        : new OrderPage(orders, cursor.finish(latest).encode(), false);
  }

  /** The ISO codes of the currencies the orders use, by currency id. */
  private Map<String, String> currencies(Connection connection, List<JsonNode> orders) {
    Set<String> ids = new LinkedHashSet<>();
    orders.forEach(o -> ids.add(o.path("id_currency").asText()));
    Map<String, String> codes = new HashMap<>();
    if (!ids.isEmpty()) {
      for (JsonNode c : client.list(connection, client.jsonUrl(connection, PrestaShopApi.CURRENCIES).newBuilder()
          .addQueryParameter("display", "[id,iso_code]")
          .addQueryParameter("filter[id]", "[" + String.join("|", ids) + "]")
          .build(), PrestaShopApi.CURRENCIES)) {
        codes.put(c.path("id").asText(), c.path("iso_code").asText(null));
      }
    }
    return codes;
  }

  private static ZoneId zone(Connection connection) {
    String zone = connection.setting(PrestaShopApi.TIMEZONE).orElse(null);
    try {
      return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new AuthenticationFailure("connection " + connection.id() + " has timezone '" + zone
          + "', which is not a time zone id such as Europe/Paris", 0, "invalid_timezone");
    }
  }
}
