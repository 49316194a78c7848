package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * eBay's listing rules that can be checked before a call (limits in {@link EbayApi}). Some of them
 * eBay only enforces when an offer is published, after the inventory item was stored: checking them
 * first keeps half-made listings off the account.
 */
final class EbayRules {
  private EbayRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    maxLength(out, "sku", l.sku(), EbayApi.MAX_SKU);
    required(out, "title", l.title());
    maxLength(out, "title", l.title(), EbayApi.MAX_TITLE);
    maxLength(out, "brand", l.brand(), EbayApi.MAX_BRAND);
    maxLength(out, "mpn", l.mpn(), EbayApi.MAX_MPN);
    maxLength(out, "description", l.description(), EbayApi.MAX_DESCRIPTION);
    if (l.condition() == null) {
      out.add(new Violation("condition", "required", "condition is required"));
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required to publish an offer"));
    }
    List<String> images = l.imageUrls();
    if (images.isEmpty()) {
      out.add(new Violation("imageUrls", "required", "at least one image is required to publish"));
    }
    if (images.size() > EbayApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + EbayApi.MAX_IMAGES + " images, got "
          + images.size()));
    }
    for (String url : images) {
      if (url == null || !url.regionMatches(true, 0, "https://", 0, 8)) {
        out.add(new Violation("imageUrls", "https", "image URLs must use https: " + url));
      }
    }
    return out;
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
