package io.syncfleet.adapters.backmarket;

import static io.syncfleet.adapters.backmarket.BackMarketErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Our model to Back Market's listing updates, and Back Market's orders to ours [V field names]. */
final class BackMarketMapper {
  private BackMarketMapper() {}

  /** The body of a stock update: quantity only, so every other field is kept [V]. */
  static ObjectNode stock(StockLevel level) {
    return Json.MAPPER.createObjectNode().put(BackMarketApi.QUANTITY, level.quantity());
  }

  /**
   * The body of a price update in the connection's market: price as a string, as Back Market
   * prefers [V], with its currency, which must be the market's [V].
   */
  static ObjectNode price(PriceChange change) {
    ObjectNode body = Json.MAPPER.createObjectNode().put(BackMarketApi.PRICE, change.amount().toPlainString());
    if (change.currency() != null && !change.currency().isBlank()) {
      body.put(BackMarketApi.CURRENCY, change.currency());
    }
    return body;
  }

  /** A Back Market order: total is the order's price plus its shipping price (price excludes shipping [V]). */
  static Order order(JsonNode o) {
    int state = o.path("state").asInt(-1);
    List<Integer> lineStates = new ArrayList<>();
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("orderlines")) {
      int lineState = line.path("state").asInt(-1);
      lineStates.add(lineState);
      lines.add(new Order.Line(text(line, "listing"), text(line, "product"), line.path("quantity").asInt(0),
          decimal(line, "price")));
    }
    BigDecimal price = decimal(o, "price");
    BigDecimal shipping = decimal(o, "shipping_price");
    BigDecimal total = price == null ? null : shipping == null ? price : price.add(shipping);
    StringBuilder status = new StringBuilder("order ").append(state);
    if (!lineStates.isEmpty()) {
      status.append(", lines ").append(lineStates.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    return new Order(Channels.BACKMARKET.id(), text(o, "order_id"), BackMarketApi.orderStatus(state, lineStates),
        status.toString(), instant(o, "date_creation"), instant(o, "date_modification"), text(o, "currency"),
        total, lines);
  }

  /** An RFC 3339 time; Back Market writes some with an offset or without a zone, read as UTC [U]. */
  static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        return Instant.parse(v + "Z");
      } catch (DateTimeParseException e) {
        throw new TransientFailure("Back Market sent an unreadable date '" + v + "'", 200, null, e);
      }
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("Back Market sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
