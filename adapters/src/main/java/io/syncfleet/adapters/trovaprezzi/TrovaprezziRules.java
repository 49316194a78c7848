package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an offer needs to be listed by Trovaprezzi (facts in {@link TrovaprezziApi}, all [U]): a
 * code, a name, a price in euros, a category, an image, and well-formed optional fields. The link and
 * the shipping cost may come from the connection's settings, so the adapter checks those itself.
 */
final class TrovaprezziRules {
  private TrovaprezziRules() {}

  /** The rules {@code l} breaks; empty when it may be published. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    required(out, "title", l.title());
    if (l.price() == null || l.price().signum() <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required"));
    }
    if (!TrovaprezziApi.CURRENCY.equals(l.currency())) {
      out.add(new Violation("currency", "eur", "Trovaprezzi lists prices in euros; got " + l.currency()));
    }
    if (l.quantity() != null && l.quantity() < 0) {
      out.add(new Violation("quantity", "not_negative", "quantity must not be negative"));
    }
    if (categories(l).isEmpty()) {
      out.add(new Violation("categoryId", "required", "a category (categoryId or a '"
          + TrovaprezziApi.CATEGORIES_ATTRIBUTE + "' attribute) is required"));
    }
    List<String> images = l.imageUrls();
    if (images.isEmpty()) {
      out.add(new Violation("imageUrls", "required", "at least one image is required"));
    }
    for (String url : images) {
      if (!isWebUrl(url)) {
        out.add(new Violation("imageUrls", "url", "image URLs must be http or https: " + url));
      }
    }
    if (l.gtin() != null && !l.gtin().isBlank() && !isEan(l.gtin())) {
      out.add(new Violation("gtin", "ean", "an EAN must be 8, 12, 13 or 14 digits: " + l.gtin()));
    }
    String link = attribute(l, TrovaprezziApi.LINK_ATTRIBUTE);
    if (link != null && !isWebUrl(link)) {
      out.add(new Violation("attributes.link", "url", "the product page must be an http or https URL: " + link));
    }
    nonNegative(out, l, TrovaprezziApi.SHIPPING_COST_ATTRIBUTE);
    nonNegative(out, l, TrovaprezziApi.WEIGHT_ATTRIBUTE);
    String original = attribute(l, TrovaprezziApi.ORIGINAL_PRICE_ATTRIBUTE);
    if (original != null && (decimal(original) == null || l.price() == null
        || decimal(original).compareTo(l.price()) <= 0)) {
      out.add(new Violation("attributes." + TrovaprezziApi.ORIGINAL_PRICE_ATTRIBUTE, "above_price",
          "the original price must be a number above the price: " + original));
    }
    return out;
  }

  /** The rule a price change breaks, or null: Trovaprezzi prices are euros. */
  static Violation check(PriceChange p) {
    return TrovaprezziApi.CURRENCY.equals(p.currency()) ? null
        : new Violation("currency", "eur", "Trovaprezzi lists prices in euros; got " + p.currency());
  }

  /** The merchant's category path(s): the categories attribute, else the category id. */
  static List<String> categories(Listing l) {
    List<String> out = new ArrayList<>();
    for (String c : l.attributes().getOrDefault(TrovaprezziApi.CATEGORIES_ATTRIBUTE, List.of())) {
      if (c != null && !c.isBlank()) {
        out.add(c.trim());
      }
    }
    if (out.isEmpty() && l.categoryId() != null && !l.categoryId().isBlank()) {
      out.add(l.categoryId().trim());
    }
    return out;
  }

  /** The first non-blank value of a listing attribute, trimmed, or null. */
  static String attribute(Listing l, String name) {
    List<String> values = l.attributes().get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }

  /** A decimal written with '.' (or ',', as Italian merchants may), or null when it is not one. */
  static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void nonNegative(List<Violation> out, Listing l, String attribute) {
    String value = attribute(l, attribute);
    if (value != null && (decimal(value) == null || decimal(value).signum() < 0)) {
      out.add(new Violation("attributes." + attribute, "number", attribute + " must be a number of at least 0: "
          + value));
    }
  }

  private static boolean isEan(String gtin) {
    String g = gtin.trim();
    return g.chars().allMatch(ch -> ch >= '0' && ch <= '9') && TrovaprezziApi.EAN_LENGTHS.contains(g.length());
  }

  private static boolean isWebUrl(String url) {
    return url != null && (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7));
  }

  private static void required(List<Violation> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "required", field + " is required"));
    }
  }
}
