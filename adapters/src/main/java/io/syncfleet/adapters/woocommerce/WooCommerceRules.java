package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** WooCommerce's listing rules that can be checked before a call (limits in {@link WooCommerceApi}). */
final class WooCommerceRules {
  private WooCommerceRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    if (blank(l.sku())) {
      out.add(new Violation("sku", "required", "WooCommerce finds products by SKU, so one is required"));
    } else if (l.sku().length() > WooCommerceApi.MAX_SKU) {
      out.add(new Violation("sku", "max_length", "is " + l.sku().length() + " characters; WooCommerce keeps "
          + WooCommerceApi.MAX_SKU));
    }
    if (blank(l.title())) {
      out.add(new Violation("title", "required", "a WooCommerce product needs a name"));
    }
    if (l.price() != null && l.price().compareTo(BigDecimal.ZERO) < 0) {
      out.add(new Violation("price", "not_negative", "a price cannot be negative"));
    }
    if (!blank(l.categoryId()) && !l.categoryId().trim().matches("\\d{1,18}")) {
      out.add(new Violation("categoryId", "woocommerce_category_id", "'" + l.categoryId()
          + "' is not a WooCommerce product category id (a number, under Products > Categories)"));
    }
    if (!blank(l.gtin()) && !(l.gtin().matches("\\d+") && WooCommerceApi.GTIN_LENGTHS.contains(l.gtin().length()))) {
      out.add(new Violation("gtin", "gtin", "'" + l.gtin() + "' is not a GTIN, UPC, EAN or ISBN of "
          + WooCommerceApi.GTIN_LENGTHS + " digits"));
    }
    for (String url : l.imageUrls()) {
      if (!isImageUrl(url)) {
        out.add(new Violation("imageUrls", "image_url", "'" + url + "' is not an http(s) URL of a "
            + WooCommerceApi.IMAGE_EXTENSIONS + " file, which WooCommerce needs to download it"));
      }
    }
    if (!blank(l.group())) {
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant of group '" + l.group()
            + "' needs the options that tell it apart, e.g. Size=M"));
      }
      if (l.group().length() > WooCommerceApi.MAX_SKU) {
        out.add(new Violation("group", "max_length", "becomes the variable product's SKU, which WooCommerce keeps "
            + WooCommerceApi.MAX_SKU + " characters of"));
      }
    }
    return out;
  }

  private static boolean isImageUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
      int dot = path.lastIndexOf('.');
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && dot >= 0
          && WooCommerceApi.IMAGE_EXTENSIONS.contains(path.substring(dot + 1));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
