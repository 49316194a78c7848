package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Our model to PrestaShop's documents and back [U field names beyond those tagged in PrestaShopApi]:
 * a listing fills a product's fields (or a combination's, for a variant), a PrestaShop order becomes
 * an {@link Order}. Texts go to the languages given. Prices are PrestaShop's tax-excluded price; a
 * combination's price is its difference from its product's. The brand (a manufacturer to look up
 * or create) and images (uploaded as files, not URLs) are not sent.
 */
final class PrestaShopMapper {
  private static final int MAX_LINK_REWRITE = 128;

  private PrestaShopMapper() {}

  /**
   * Fills a new product: the listing's fields plus what a shop needs to sell it (active, visible
   * everywhere, orderable, in its default category).
   *
   * @param reference the SKU, or the group id for a variant group's product
   * @param price     the tax-excluded base price
   * @param languages the language ids the texts are written in (all active ones)
   */
  static void newProduct(Element p, Listing l, String reference, BigDecimal price, List<String> languages,
      String category, String taxRulesGroup) {
    PrestaShopXml.set(p, "reference", reference);
    PrestaShopXml.set(p, "price", money(price));
    PrestaShopXml.set(p, "active", "1");
    // PrestaShop 1.7.8+ keeps a product without state=1 as an unsaved draft [C]; older versions ignore it.
    PrestaShopXml.set(p, "state", "1");
    PrestaShopXml.set(p, "visibility", "both");
    PrestaShopXml.set(p, "available_for_order", "1");
    PrestaShopXml.set(p, "show_price", "1");
    PrestaShopXml.set(p, "minimal_quantity", "1");
    String categoryId = l.categoryId() != null && !l.categoryId().isBlank() ? l.categoryId().trim() : category;
    PrestaShopXml.set(p, "id_category_default", categoryId);
    if (taxRulesGroup != null) {
      PrestaShopXml.set(p, "id_tax_rules_group", taxRulesGroup);
    }
    PrestaShopXml.setLanguages(p, "link_rewrite", linkRewrite(l.title()), languages);
    texts(p, l, languages);
    PrestaShopXml.setAssociation(p, "categories", "category", List.of(categoryId));
  }

  /**
   * Updates an existing product's listing fields; its URL (link_rewrite), stock, images and
   * anything the listing does not state stay as they are.
   *
   * @param price     the new tax-excluded price, or null to keep the product's
   * @param languages the language ids to write, or empty for every language the product has
   */
  static void updateProduct(Element p, Listing l, BigDecimal price, List<String> languages) {
    if (price != null) {
      PrestaShopXml.set(p, "price", money(price));
    }
    texts(p, l, languages);
    if (l.categoryId() != null && !l.categoryId().isBlank()) {
      String categoryId = l.categoryId().trim();
      PrestaShopXml.set(p, "id_category_default", categoryId);
      List<String> categories = new ArrayList<>(PrestaShopXml.associationIds(p, "categories"));
      if (!categories.contains(categoryId)) {
        categories.add(categoryId);
      }
      PrestaShopXml.setAssociation(p, "categories", "category", categories);
    }
    PrestaShopXml.remove(p, PrestaShopApi.NOT_WRITABLE);
  }

  /** Sets a product's tax-excluded price, ready to be PUT back. */
  static void price(Element p, BigDecimal price) {
    PrestaShopXml.set(p, "price", money(price));
    PrestaShopXml.remove(p, PrestaShopApi.NOT_WRITABLE);
  }

  /** The identifiers of a simple product's listing (a variant's go to its combination). */
  static void identifiers(Element e, Listing l) {
    if (l.gtin() != null && !l.gtin().isBlank()) {
      PrestaShopXml.set(e, l.gtin().length() == PrestaShopApi.UPC_LENGTH ? "upc" : "ean13", l.gtin());
    }
    if (l.mpn() != null && !l.mpn().isBlank()) {
      PrestaShopXml.set(e, "mpn", l.mpn());
    }
  }

  /**
   * Fills a combination: its product, price difference and option values (the values replace the
   * ones it had), identifiers, and on creation its reference.
   */
  static void combination(Element c, Listing l, long productId, BigDecimal impact, List<String> optionValueIds,
      boolean creating) {
    PrestaShopXml.set(c, "id_product", String.valueOf(productId));
    if (creating) {
      PrestaShopXml.set(c, "reference", l.sku());
      PrestaShopXml.set(c, "minimal_quantity", "1");
    }
    if (impact != null) {
      PrestaShopXml.set(c, "price", money(impact));
    }
    identifiers(c, l);
    PrestaShopXml.setAssociation(c, "product_option_values", "product_option_value", optionValueIds);
  }

  private static void texts(Element p, Listing l, List<String> languages) {
    PrestaShopXml.setLanguages(p, "name", l.title(), languages);
    if (l.description() != null) {
      PrestaShopXml.setLanguages(p, "description", l.description(), languages);
    }
    if (l.condition() != null) {
      PrestaShopXml.set(p, "condition", PrestaShopApi.CONDITIONS.get(l.condition()));
    }
  }

  /** A URL slug as PrestaShop's link_rewrite accepts it: lowercase ASCII letters, digits and hyphens. */
  static String linkRewrite(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LINK_REWRITE) {
      slug = slug.substring(0, MAX_LINK_REWRITE).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "product" : slug;
  }

  /** Prices as PrestaShop reads them, a plain decimal. */
  static String money(BigDecimal amount) {
    return amount.toPlainString();
  }

  /**
   * A PrestaShop order (display=full) as our normalized order. Dates are the shop's local time,
   * read in {@code zone}; the total is the amount paid with tax; {@code currencies} maps currency
   * ids to ISO codes.
   */
  static Order order(JsonNode o, Map<String, String> currencies, ZoneId zone) {
    String state = o.path("current_state").asText("");
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode row : o.path("associations").path("order_rows")) {
      String reference = row.path("product_reference").asText("");
      lines.add(new Order.Line(reference.isEmpty() ? null : reference, row.path("product_name").asText(null),
          row.path("product_quantity").asInt(0), decimal(row, "unit_price_tax_incl")));
    }
    return new Order("prestashop", o.path("id").asText(), PrestaShopApi.orderStatus(state), state,
        local(o, "date_add", zone), local(o, "date_upd", zone),
        currencies.get(o.path("id_currency").asText()), decimal(o, "total_paid"), lines);
  }

  private static Instant local(JsonNode node, String field, ZoneId zone) {
    String v = node.path(field).asText("");
    if (v.isEmpty() || v.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(v, PrestaShopApi.LOCAL_DATE).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("PrestaShop sent an unreadable date '" + v + "'", 200, "unreadable_order", e);
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = node.path(field).asText("");
    if (v.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("PrestaShop sent an unreadable amount '" + v + "'", 200, "unreadable_order", e);
    }
  }
}
