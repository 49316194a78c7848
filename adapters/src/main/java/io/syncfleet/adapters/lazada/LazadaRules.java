package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Lazada's listing rules that can be checked before a call (limits in {@link LazadaApi}). Every SKU
 * needs its package size and weight [V], carried in the listing's attributes as {@value #WEIGHT} (kg)
 * and {@value #LENGTH}, {@value #WIDTH}, {@value #HEIGHT} (cm), each with at most two decimals [V];
 * {@value #CONTENT} optionally says what is in the box. Every other attribute is sent as a Lazada
 * product attribute of that name (e.g. {@code warranty_type}).
 */
final class LazadaRules {
  static final String WEIGHT = "package_weight";
  static final String LENGTH = "package_length";
  static final String WIDTH = "package_width";
  static final String HEIGHT = "package_height";
  static final String CONTENT = "package_content";
  /** Attributes that belong to the SKU, not the product. */
  static final List<String> SKU_ATTRIBUTES = List.of(WEIGHT, LENGTH, WIDTH, HEIGHT, CONTENT);

  private LazadaRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    maxLength(out, "sku", l.sku(), LazadaApi.MAX_SKU);
    required(out, "title", l.title());
    maxLength(out, "title", l.title(), LazadaApi.MAX_TITLE);
    maxLength(out, "description", l.description(), LazadaApi.MAX_DESCRIPTION);
    if (l.price() == null || l.price().signum() <= 0) {
      out.add(new Violation("price", "positive", "Lazada needs a price above zero"));
    }
    if (l.quantity() != null && l.quantity() < 0) {
      out.add(new Violation("quantity", "not_negative", "stock cannot be negative"));
    }
    if (l.categoryId() == null || !l.categoryId().trim().matches("\\d+")) {
      out.add(new Violation("categoryId", "required", "a numeric Lazada category id is required"));
    }
    images(out, l.imageUrls());
    for (String name : List.of(WEIGHT, LENGTH, WIDTH, HEIGHT)) {
      BigDecimal v = decimal(l.attributes(), name);
      if (v == null || v.signum() <= 0 || v.stripTrailingZeros().scale() > 2) {
        out.add(new Violation("attributes." + name, "required", "Lazada needs " + name
            + " above zero with at most two decimals"));
      }
    }
    l.options().forEach((name, value) -> {
      if (name == null || name.isBlank() || value == null || value.isBlank()) {
        out.add(new Violation("options", "required", "option names and values must not be blank"));
      }
    });
    return out;
  }

  static BigDecimal decimal(Map<String, List<String>> attributes, String name) {
    String v = first(attributes, name);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String first(Map<String, List<String>> attributes, String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? null : values.get(0).trim();
  }

  /** [V] JPG or PNG from a host Lazada can fetch: http(s) on ports 80/443, not an IP address. */
  private static void images(List<Violation> out, List<String> images) {
    if (images.isEmpty()) {
      out.add(new Violation("imageUrls", "required", "Lazada needs at least one image"));
    }
    if (images.size() > LazadaApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + LazadaApi.MAX_IMAGES + " images, got "
          + images.size()));
    }
    for (String url : images) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
      if (parsed == null || parsed.port() != 80 && parsed.port() != 443) {
        out.add(new Violation("imageUrls", "http_url", "'" + url + "' is not an http(s) URL on port 80 or 443"));
      } else if (parsed.host().matches("[0-9.]+") || parsed.host().contains(":")) {
        out.add(new Violation("imageUrls", "host_name", "Lazada does not fetch images by IP address: " + url));
      }
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
