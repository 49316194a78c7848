package io.syncfleet.adapters.ebay;

import static io.syncfleet.adapters.ebay.EbayErrors.text;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Our listings, stock levels and prices as eBay Inventory API JSON, and eBay orders as our {@link Order}. */
final class EbayMapper {
  private EbayMapper() {}

  /** One entry of a bulk inventory upsert [V shape]. */
  static ObjectNode inventoryItem(Listing l, EbaySettings s) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("sku", l.sku());
    item.put("locale", s.locale());
    ObjectNode product = item.putObject("product");
    product.put("title", l.title());
    putIfPresent(product, "description", l.description());
    ObjectNode aspects = aspects(l);
    if (!aspects.isEmpty()) {
      product.set("aspects", aspects);
    }
    putIfPresent(product, "brand", l.brand());
    putIfPresent(product, "mpn", l.mpn());
    if (l.gtin() != null && !l.gtin().isBlank()) {
      // [U] a 12-digit GTIN is a UPC; 8, 13 and 14 digits go to eBay as EAN.
      product.putArray(l.gtin().length() == 12 ? "upc" : "ean").add(l.gtin());
    }
    ArrayNode images = product.putArray("imageUrls");
    l.imageUrls().forEach(images::add);
    if (l.condition() != null) {
      item.put("condition", EbayApi.CONDITIONS.get(l.condition()));
    }
    if (l.quantity() != null) {
      item.putObject("availability").putObject("shipToLocationAvailability").put("quantity", l.quantity());
    }
    return item;
  }

  /** The body of a new offer: the listing's offer for the connection's site [U shape]. */
  static ObjectNode newOffer(Listing l, EbaySettings s) {
    ObjectNode offer = Json.MAPPER.createObjectNode();
    offer.put("sku", l.sku());
    offer.put("marketplaceId", s.marketplaceId());
    offer.put("format", EbayApi.FIXED_PRICE);
    offer.setAll(offerDetails(l, s));
    return offer;
  }

  /** The body of an offer update; eBay replaces the whole offer with it [U shape]. */
  static ObjectNode offerDetails(Listing l, EbaySettings s) {
    ObjectNode offer = Json.MAPPER.createObjectNode();
    if (l.quantity() != null) {
      offer.put("availableQuantity", l.quantity());
    }
    putIfPresent(offer, "categoryId", l.categoryId() != null ? l.categoryId() : s.categoryId());
    putIfPresent(offer, "listingDescription", l.description());
    ObjectNode policies = Json.MAPPER.createObjectNode();
    putIfPresent(policies, "fulfillmentPolicyId", s.fulfillmentPolicyId());
    putIfPresent(policies, "paymentPolicyId", s.paymentPolicyId());
    putIfPresent(policies, "returnPolicyId", s.returnPolicyId());
    if (!policies.isEmpty()) {
      offer.set("listingPolicies", policies);
    }
    if (l.price() != null) {
      offer.putObject("pricingSummary")
          .set("price", amount(l.price(), l.currency() != null ? l.currency() : s.currency()));
    }
    putIfPresent(offer, "merchantLocationKey", s.merchantLocationKey());
    return offer;
  }

  /**
   * One bulk price-quantity entry for a stock level: the inventory item's quantity and, when the SKU
   * has an offer, the offer's too, since eBay shows the smaller of the two [V].
   */
  static ObjectNode stockEntry(StockLevel stock, String offerId) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("sku", stock.sku());
    entry.putObject("shipToLocationAvailability").put("quantity", stock.quantity());
    if (offerId != null) {
      entry.putArray("offers").addObject().put("offerId", offerId).put("availableQuantity", stock.quantity());
    }
    return entry;
  }

  /** One bulk price-quantity entry for a new price of the SKU's offer [V shape]. */
  static ObjectNode priceEntry(PriceChange price, String offerId, EbaySettings s) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("sku", price.sku());
    entry.putArray("offers").addObject()
        .put("offerId", offerId)
        .set("price", amount(price.amount(), price.currency() != null ? price.currency() : s.currency()));
    return entry;
  }

  /** An eBay getOrders order as our normalized order [U field names beyond the [C] filter]. */
  static Order order(JsonNode o) {
    String payment = text(o, "orderPaymentStatus");
    String fulfillment = text(o, "orderFulfillmentStatus");
    String cancelState = text(o.path("cancelStatus"), "cancelState");
    List<String> states = new ArrayList<>();
    for (String state : new String[] {payment, fulfillment, cancelState}) {
      if (state != null) {
        states.add(state);
      }
    }
    JsonNode total = o.path("pricingSummary").path("total");
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("lineItems")) {
      int quantity = line.path("quantity").asInt(0);
      lines.add(new Order.Line(text(line, "sku"), text(line, "title"), quantity,
          unitPrice(decimal(line.path("lineItemCost"), "value"), quantity)));
    }
    return new Order(Channels.EBAY.id(), text(o, "orderId"),
        EbayApi.orderStatus(payment, fulfillment, cancelState), String.join("/", states),
        instant(o, "creationDate"), instant(o, "lastModifiedDate"),
        text(total, "currency"), decimal(total, "value"), lines);
  }

  /** [U] lineItemCost is the line's total (unit price times quantity). */
  private static BigDecimal unitPrice(BigDecimal lineCost, int quantity) {
    if (lineCost == null || quantity <= 1) {
      return lineCost;
    }
    return lineCost.divide(BigDecimal.valueOf(quantity), Math.max(2, lineCost.scale()), RoundingMode.HALF_EVEN);
  }

  private static ObjectNode aspects(Listing l) {
    Map<String, List<String>> all = new TreeMap<>(l.attributes());
    l.options().forEach((name, value) -> all.put(name, List.of(value)));
    ObjectNode aspects = Json.MAPPER.createObjectNode();
    all.forEach((name, values) -> {
      ArrayNode array = aspects.putArray(name);
      values.forEach(array::add);
    });
    return aspects;
  }

  private static ObjectNode amount(BigDecimal value, String currency) {
    ObjectNode amount = Json.MAPPER.createObjectNode();
    amount.put("value", value.toPlainString());
    amount.put("currency", currency);
    return amount;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
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
      throw new TransientFailure("eBay sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }

  private static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new TransientFailure("eBay sent an unreadable date '" + v + "'", 200, null, e);
    }
  }
}
