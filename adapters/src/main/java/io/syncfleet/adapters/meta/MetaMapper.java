package io.syncfleet.adapters.meta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our items as items_batch requests, {@code {"method": UPDATE|DELETE, "data": {...}}} with the
 * SKU as Meta's retailer id ({@code data.id}) [V shape, U field names: see {@link MetaApi}]. Every
 * request is an UPDATE or a DELETE, so sending one twice leaves the catalog as sending it once.
 */
final class MetaMapper {
  private MetaMapper() {}

  /**
   * A listing as a whole item. UPDATE changes only the fields sent [U], so fields Syncfleet does not
   * manage (e.g. a sale price set by a price job) stay as they are.
   */
  static ObjectNode listing(Listing l, String link) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put(MetaApi.ID, l.sku());
    data.put(MetaApi.TITLE, l.title());
    data.put(MetaApi.DESCRIPTION, l.description());
    data.put(MetaApi.AVAILABILITY, availability(l.quantity()));
    data.put(MetaApi.CONDITION, MetaApi.CONDITIONS.get(l.condition()));
    data.put(MetaApi.PRICE, amount(l.price(), l.currency()));
    data.put(MetaApi.LINK, link);
    List<String> images = l.imageUrls();
    data.put(MetaApi.IMAGE_LINK, images.get(0));
    if (images.size() > 1) {
      ArrayNode more = data.putArray(MetaApi.ADDITIONAL_IMAGE_LINK);
      images.subList(1, images.size()).forEach(more::add);
    }
    putIfPresent(data, MetaApi.BRAND, l.brand());
    putIfPresent(data, MetaApi.GTIN, l.gtin());
    putIfPresent(data, MetaApi.MPN, l.mpn());
    putIfPresent(data, MetaApi.CATEGORY, l.categoryId());
    putIfPresent(data, MetaApi.ITEM_GROUP_ID, l.group());
    if (l.quantity() != null) {
      data.put(MetaApi.QUANTITY, l.quantity());
    }
    variantOptions(data, l.options());
    return request(MetaApi.UPDATE, data);
  }

  /** A stock level: the quantity and the availability that follows from it; the location has no place at Meta. */
  static ObjectNode stock(StockLevel s) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put(MetaApi.ID, s.sku());
    data.put(MetaApi.QUANTITY, s.quantity() == null ? 0 : s.quantity());
    data.put(MetaApi.AVAILABILITY, availability(s.quantity()));
    return request(MetaApi.UPDATE, data);
  }

  /**
   * A price. With a compare-at price, Meta's {@code price} is the compare-at price and
   * {@code sale_price} the selling price; without one, a sale price sent before is cleared [U].
   */
  static ObjectNode price(PriceChange p) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put(MetaApi.ID, p.sku());
    if (p.compareAt() != null) {
      data.put(MetaApi.PRICE, amount(p.compareAt(), p.currency()));
      data.put(MetaApi.SALE_PRICE, amount(p.amount(), p.currency()));
    } else {
      data.put(MetaApi.PRICE, amount(p.amount(), p.currency()));
      data.put(MetaApi.SALE_PRICE, MetaApi.NO_SALE_PRICE);
    }
    return request(MetaApi.UPDATE, data);
  }

  /** A delete by retailer id. */
  static ObjectNode delete(SkuRef ref) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put(MetaApi.ID, ref.sku());
    return request(MetaApi.DELETE, data);
  }

  /** [V] A price as Meta writes it: the amount, a space, the ISO currency, e.g. {@code 9.99 EUR}. */
  static String amount(BigDecimal value, String currency) {
    return value.toPlainString() + " " + currency;
  }

  private static String availability(Integer quantity) {
    return quantity != null && quantity > 0 ? MetaApi.IN_STOCK : MetaApi.OUT_OF_STOCK;
  }

  /** Options Meta names (size, color, ...) as their fields; the rest as {@code Name:Value,...} [U]. */
  private static void variantOptions(ObjectNode data, Map<String, String> options) {
    List<String> other = new ArrayList<>();
    new TreeMap<>(options).forEach((name, value) -> {
      String field = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
      if (MetaApi.VARIANT_FIELDS.contains(field)) {
        data.put(field, value);
      } else {
        other.add(name + ":" + value);
      }
    });
    if (!other.isEmpty()) {
      data.put(MetaApi.ADDITIONAL_VARIANT_ATTRIBUTE, String.join(",", other));
    }
  }

  private static ObjectNode request(String method, ObjectNode data) {
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.put("method", method);
    request.set("data", data);
    return request;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
