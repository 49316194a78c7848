package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shopee's listing rules that can be checked before a call (limits in {@link ShopeeApi}), and the
 * price rules that depend on the shop's region. Shopee-specific listing data travels in the
 * listing's attributes: {@value #WEIGHT} (kg, required), {@value #LENGTH}, {@value #WIDTH},
 * {@value #HEIGHT} (whole cm, all or none), {@value #BRAND_ID} (Shopee's brand id), and Shopee
 * category attributes keyed by their numeric attribute id.
 */
final class ShopeeRules {
  static final String WEIGHT = "package_weight";
  static final String LENGTH = "package_length";
  static final String WIDTH = "package_width";
  static final String HEIGHT = "package_height";
  static final String BRAND_ID = "brand_id";

  private ShopeeRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    maxLength(out, "sku", l.sku(), ShopeeApi.MAX_MODEL_SKU);
    maxLength(out, "group", l.group(), ShopeeApi.MAX_MODEL_SKU);
    required(out, "title", l.title());
    maxLength(out, "title", l.title(), ShopeeApi.MAX_ITEM_NAME);
    required(out, "description", l.description());
    maxLength(out, "description", l.description(), ShopeeApi.MAX_DESCRIPTION);
    if (l.price() == null || l.price().signum() <= 0) {
      out.add(new Violation("price", "positive", "Shopee needs a price above zero"));
    }
    if (l.quantity() != null && l.quantity() < 0) {
      out.add(new Violation("quantity", "not_negative", "stock cannot be negative"));
    }
    if (l.categoryId() == null || !l.categoryId().trim().matches("\\d+")) {
      out.add(new Violation("categoryId", "required", "a numeric Shopee category id is required"));
    }
    images(out, l.imageUrls());
    if (decimal(l, WEIGHT) == null || decimal(l, WEIGHT).signum() <= 0) {
      out.add(new Violation("attributes." + WEIGHT, "required",
          "Shopee needs the package weight in kg as attribute " + WEIGHT));
    }
    dimensions(out, l);
    String brandId = first(l.attributes(), BRAND_ID);
    if (brandId != null && !brandId.matches("\\d+")) {
      out.add(new Violation("attributes." + BRAND_ID, "numeric", "Shopee brand ids are numbers, got " + brandId));
    }
    if (l.group() != null) {
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant needs options such as Size=M"));
      }
      if (l.options().size() > ShopeeApi.MAX_TIERS) {
        out.add(new Violation("options", "max_options", "Shopee allows " + ShopeeApi.MAX_TIERS
            + " variation tiers, got " + l.options().size()));
      }
    }
    l.options().forEach((name, value) -> {
      if (name == null || name.isBlank() || value == null || value.isBlank()) {
        out.add(new Violation("options", "required", "option names and values must not be blank"));
      }
    });
    return out;
  }

  /**
   * What is wrong with {@code amount} in {@code currency} for the shop, or null: the shop's currency
   * and, outside the regions that allow cents, whole numbers only [V].
   */
  static String priceProblem(BigDecimal amount, String currency, ShopeeSettings s) {
    if (amount == null || amount.signum() <= 0) {
      return "Shopee needs a price above zero";
    }
    if (currency != null && s.currency() != null && !currency.equalsIgnoreCase(s.currency())) {
      return "the shop sells in " + s.currency() + ", not " + currency;
    }
    if (amount.stripTrailingZeros().scale() > (s.allowsCents() ? 2 : 0)) {
      return s.allowsCents() ? "Shopee prices have at most two decimals"
          : "Shopee prices in " + s.region() + " are whole numbers";
    }
    return null;
  }

  static BigDecimal decimal(Listing l, String attribute) {
    String v = first(l.attributes(), attribute);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String first(Map<String, List<String>> attributes, String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? null : values.get(0).trim();
  }

  private static void images(List<Violation> out, List<String> images) {
    if (images.isEmpty()) {
      out.add(new Violation("imageUrls", "required", "Shopee needs at least one image"));
    }
    if (images.size() > ShopeeApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + ShopeeApi.MAX_IMAGES + " images, got "
          + images.size()));
    }
    for (String url : images) {
      boolean http = url != null
          && (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7));
      if (!http) {
        out.add(new Violation("imageUrls", "http_url", "'" + url + "' is not an http(s) URL"));
      }
    }
  }

  private static void dimensions(List<Violation> out, Listing l) {
    int given = 0;
    for (String name : List.of(LENGTH, WIDTH, HEIGHT)) {
      String v = first(l.attributes(), name);
      if (v == null) {
        continue;
      }
      given++;
      if (!v.matches("[1-9]\\d{0,5}")) {
        out.add(new Violation("attributes." + name, "whole_cm", "Shopee takes package sizes in whole cm, got " + v));
      }
    }
    if (given != 0 && given != 3) {
      out.add(new Violation("attributes", "dimensions", "give " + LENGTH + ", " + WIDTH + " and " + HEIGHT
          + " together or none of them"));
    }
  }

  private static void required(List<Violation> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "required", field + " is required"));
    }
  }

  private static void maxLength(List<Violation> out, String field, String value, int max) {
    if (value != null && value.length() > max) {
      out.add(new Violation(field, "max_length", field + " must be at most " + max + " characters, got "
          + value.length()));
    }
  }
}
