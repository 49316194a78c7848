package io.syncfleet.adapters.manomano;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What ManoMano's catalog needs of a product before an offer can be sold on it (facts in
 * {@link ManoManoApi}). The API takes no listings, so these rules do not guard a call: they tell a
 * merchant (through {@code validate}) whether a product is ready for the product feed registered in
 * the ManoMano Toolbox, and whether its offer has a price.
 */
final class ManoManoRules {
  private ManoManoRules() {}

  /** The rules {@code l} breaks; empty when ManoMano's catalog and offer can take it. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    required(out, "brand", l.brand());
    required(out, "title", l.title());
    required(out, "description", l.description());
    if (blank(l.gtin()) && blank(l.mpn())) {
      out.add(new Violation("gtin", "required", "ManoMano's catalog needs an EAN (gtin) or the manufacturer's "
          + "reference (mpn)"));
    }
    if (l.imageUrls().isEmpty()) {
      out.add(new Violation("imageUrls", "required", "ManoMano's catalog needs at least one image"));
    } else if (l.imageUrls().size() > ManoManoApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "ManoMano's product feed takes " + ManoManoApi.MAX_IMAGES
          + " images, got " + l.imageUrls().size()));
    }
    for (String url : l.imageUrls()) {
      if (!isHttpUrl(url)) {
        out.add(new Violation("imageUrls", "http_url", "'" + url + "' is not an http(s) URL"));
      }
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero (VAT included) is required"));
    }
    return out;
  }

  private static void required(List<Violation> out, String field, String value) {
    if (blank(value)) {
      out.add(new Violation(field, "required", field + " is required by ManoMano's catalog"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException | NullPointerException e) {
      return false;
    }
  }
}
