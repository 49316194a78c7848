package io.syncfleet.adapters.manomano;

import static io.syncfleet.adapters.manomano.ManoManoErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Our stock and prices to ManoMano's offer PATCH, and ManoMano's orders to ours [C field names]. */
final class ManoManoMapper {
  private ManoManoMapper() {}

  /** An offer item carrying only the stock, so the price is kept [U]. */
  static ObjectNode stock(String sku, int quantity) {
    ObjectNode item = Json.MAPPER.createObjectNode().put("sku", sku);
    item.putObject("stock").put("quantity", quantity);
    return item;
  }

  /** An offer item carrying only the price, VAT included, as a JSON number [C]. */
  static ObjectNode price(String sku, BigDecimal amount) {
    ObjectNode item = Json.MAPPER.createObjectNode().put("sku", sku);
    item.putObject("price").put("price_vat_included", amount);
    return item;
  }

  /** The PATCH body: the items under the connection's seller contract. */
  static ObjectNode offers(long contractId, List<ObjectNode> items) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode contract = body.putArray("content").addObject().put("seller_contract_id", contractId);
    ArrayNode array = contract.putArray("items");
    array.addAll(items);
    return body;
  }

  /**
   * A ManoMano order. Its total is {@code total_price} when the order has one [U], else the sum of
   * its lines; amounts are {@code {amount, currency}} objects [C].
   */
  static Order order(JsonNode o) {
    List<Order.Line> lines = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    String currency = text(o.path("total_price"), "currency");
    for (JsonNode p : o.path("products")) {
      int quantity = p.path("quantity").asInt(1);
      BigDecimal unit = amount(p.path("price"));
      BigDecimal lineTotal = amount(p.path("total_price"));
      if (lineTotal == null && unit != null) {
        lineTotal = unit.multiply(BigDecimal.valueOf(quantity));
      }
      sum = lineTotal == null ? sum : sum.add(lineTotal);
      if (currency == null) {
        currency = text(p.path("price"), "currency");
      }
      String title = text(p, "product_title") != null ? text(p, "product_title") : text(p, "title");
      lines.add(new Order.Line(text(p, "seller_sku"), title, quantity, unit));
    }
    BigDecimal total = amount(o.path("total_price"));
    String status = text(o, "status");
    return new Order(Channels.MANOMANO.id(), text(o, "order_reference"), ManoManoApi.orderStatus(status), status,
        instant(o, "created_at"), instant(o, "updated_at"), currency, total != null ? total : sum, lines);
  }

  private static BigDecimal amount(JsonNode money) {
    JsonNode v = money.isObject() ? money.path("amount") : money;
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    try {
      return new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      throw new TransientFailure("ManoMano sent an unreadable amount '" + v.asText() + "'", 200, null, e);
    }
  }

  /** An ISO 8601 time; one without an offset is read as UTC [U]. */
  private static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new TransientFailure("ManoMano sent an unreadable date '" + v + "'", 200, null, e);
      }
    }
  }
}
