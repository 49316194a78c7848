package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BigCommerce's listing rules that can be checked before a call (limits in {@link BigCommerceApi}). */
final class BigCommerceRules {
  private BigCommerceRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    text(out, "sku", l.sku(), BigCommerceApi.MAX_SKU);
    code(out, "sku", l.sku());
    text(out, "title", l.title(), BigCommerceApi.MAX_NAME);
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) < 0) {
      out.add(new Violation("price", "required", "a price of zero or more is required"));
    }
    if (l.categoryId() != null && !l.categoryId().matches("\\d+")) {
      out.add(new Violation("categoryId", "numeric", "a BigCommerce category id is a number, got '"
          + l.categoryId() + "'"));
    }
    if (l.gtin() != null && !l.gtin().matches("\\d{8,14}")) {
      out.add(new Violation("gtin", "digits", "a GTIN is 8 to " + BigCommerceApi.MAX_GTIN + " digits"));
    }
    if (l.imageUrls().size() > BigCommerceApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + BigCommerceApi.MAX_IMAGES + " images, got "
          + l.imageUrls().size()));
    }
    for (String url : l.imageUrls()) {
      if (!absoluteHttp(url)) {
        out.add(new Violation("imageUrls", "absolute_url", "an image URL must be absolute http(s): " + url));
      }
    }
    if (l.group() != null) {
      text(out, "group", l.group(), BigCommerceApi.MAX_SKU);
      code(out, "group", l.group());
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant needs the options that tell it apart, e.g. Size=M"));
      }
      for (Map.Entry<String, String> option : l.options().entrySet()) {
        if (option.getKey().isBlank() || option.getValue() == null || option.getValue().isBlank()) {
          out.add(new Violation("options", "blank", "option '" + option.getKey() + "=" + option.getValue()
              + "' needs a name and a value"));
        }
      }
    }
    return out;
  }

  private static void text(List<Violation> out, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "required", field + " is required"));
    } else if (value.length() > max) {
      out.add(new Violation(field, "max_length", field + " must be at most " + max + " characters, got "
          + value.length()));
    }
  }

  private static void code(List<Violation> out, String field, String value) {
    if (value != null && value.indexOf(',') >= 0) {
      // Products are looked up with a comma-separated sku:in filter [V].
      out.add(new Violation(field, "no_comma", field + " must not contain ','"));
    }
  }

  private static boolean absoluteHttp(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
