package io.syncfleet.adapters.octopia;

import static io.syncfleet.adapters.octopia.OctopiaErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Our model to Octopia's offer requests ([V] fields, [C] shapes, see {@link OctopiaApi}) and Octopia's
 * orders back to ours ([C] field names). Requests assume the item passed {@link OctopiaRules}.
 */
final class OctopiaMapper {
  private OctopiaMapper() {}

  /** A full offer for an Upsert package: every mandatory field, so it creates or replaces the offer. */
  static ObjectNode fullOffer(Listing l, BigDecimal vatRate, int preparationTime,
      List<OctopiaSettings.DeliveryMode> modes) {
    ObjectNode o = reference(l.sku());
    o.putObject("product").put("gtin", l.gtin().trim());
    o.put("condition", OctopiaApi.CONDITIONS.get(l.condition()));
    o.set("price", price(l.price(), vatRate));
    o.put("quantity", l.quantity());
    o.put("preparationTime", preparationTime);
    ArrayNode delivery = o.putArray("deliveryModes");
    for (OctopiaSettings.DeliveryMode mode : modes) {
      delivery.addObject().put("code", mode.code()).put("cost", mode.cost())
          .put("additionalCost", mode.additionalCost());
    }
    return o;
  }

  /** A quantity for an Update package; a stock level's location has no place in an offer. */
  static ObjectNode stock(StockLevel level) {
    return reference(level.sku()).put("quantity", Math.max(0, level.quantity()));
  }

  /**
   * A price for an Update package, with the full tax list a price change needs [V]. A compare-at
   * price is not sent: no struck-through price field of offer requests is known [U].
   */
  static ObjectNode price(PriceChange p, BigDecimal vatRate) {
    ObjectNode o = reference(p.sku());
    o.set("price", price(p.amount(), vatRate));
    return o;
  }

  /** An entry of a Delete package. */
  static ObjectNode delete(String sku) {
    return reference(sku);
  }

  /** One order [C field names]. */
  static Order order(JsonNode o) {
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("lines")) {
      JsonNode offer = line.path("offer");
      lines.add(new Order.Line(text(offer, "sellerProductId"), text(offer, "productTitle"),
          line.path("quantity").asInt(0), decimal(line.path("sellingPrice"), "unitSalesPrice")));
    }
    JsonNode total = o.path("totalPrice");
    BigDecimal amount = decimal(total, "sellingPrice");
    Instant created = instant(o, "purchasedAt");
    String status = text(o, "status");
    return new Order(Channels.OCTOPIA.id(), text(o, "orderId"), OctopiaApi.orderStatus(status), status,
        created != null ? created : instant(o, "createdAt"), instant(o, "updatedAt"), text(o, "currencyCode"),
        amount != null ? amount : decimal(total, "offerPrice"), lines);
  }

  /** An Octopia date: ISO-8601 with Z or an offset [C]. */
  static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("Octopia sent an unreadable date '" + v + "'", 200, null, e);
    }
  }

  private static ObjectNode reference(String sku) {
    return Json.MAPPER.createObjectNode().put("sellerExternalReference", sku);
  }

  private static ObjectNode price(BigDecimal amount, BigDecimal vatRate) {
    ObjectNode price = Json.MAPPER.createObjectNode().put("price", amount);
    price.putArray("taxes").addObject().put("code", OctopiaApi.VAT).put("value", vatRate);
    return price;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("Octopia sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
