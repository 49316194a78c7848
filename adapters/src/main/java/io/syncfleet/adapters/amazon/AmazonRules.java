package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Amazon's listing rules that can be checked before a call (limits in {@link AmazonApi}). A listing
 * that names an existing ASIN ({@code merchant_suggested_asin}) is an offer on that product and needs
 * no product facts; any other listing creates or describes a catalog product and needs a brand, a
 * product identifier (or the seller's GTIN exemption) and a main image [U]. Product-type specific
 * requirements live in Amazon's Product Type Definitions and come back as per-item issues.
 */
final class AmazonRules {
  private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private AmazonRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    maxLength(out, "sku", l.sku(), AmazonApi.MAX_SKU);
    required(out, "title", l.title());
    maxLength(out, "title", l.title(), AmazonApi.MAX_TITLE);
    maxLength(out, "description", l.description(), AmazonApi.MAX_DESCRIPTION);
    maxLength(out, "brand", l.brand(), AmazonApi.MAX_BRAND);
    if (l.condition() == null) {
      out.add(new Violation("condition", "required", "condition is required"));
    } else if (!AmazonApi.CONDITIONS.containsKey(l.condition())) {
      out.add(new Violation("condition", "unsupported", "Amazon has no condition for " + l.condition()));
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required for an Amazon offer"));
    }
    String asin = AmazonMapper.asin(l);
    if (asin != null && !ASIN.matcher(asin).matches()) {
      out.add(new Violation("attributes." + AmazonApi.ASIN, "format", "an ASIN is 10 capital letters or digits, got "
          + asin));
    }
    if (asin == null) {
      productFacts(out, l);
    }
    images(out, l.imageUrls());
    if (l.group() != null) {
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant needs the options that set it apart, e.g. Size=M"));
      }
      if (l.group().equals(l.sku())) {
        out.add(new Violation("group", "distinct", "a variant's group is its parent SKU and cannot be its own SKU"));
      }
    }
    return out;
  }

  /** What a listing that creates or describes a catalog product needs [U]. */
  private static void productFacts(List<Violation> out, Listing l) {
    required(out, "brand", l.brand());
    if (l.gtin() == null || l.gtin().isBlank()) {
      if (!l.attributes().containsKey(AmazonApi.GTIN_EXEMPTION)) {
        out.add(new Violation("gtin", "required", "a GTIN (EAN, UPC) is required unless the listing names an "
            + "existing ASIN or the seller has a GTIN exemption (attribute " + AmazonApi.GTIN_EXEMPTION + ")"));
      }
    } else if (!validGtin(l.gtin())) {
      out.add(new Violation("gtin", "format", "a GTIN is 8, 12, 13 or 14 digits with a valid check digit, got "
          + l.gtin()));
    }
    if (l.imageUrls().isEmpty()) {
      out.add(new Violation("imageUrls", "required", "a new Amazon product needs a main image"));
    }
  }

  private static void images(List<Violation> out, List<String> images) {
    if (images.size() > AmazonApi.MAX_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + AmazonApi.MAX_IMAGES
          + " images (one main and 8 others), got " + images.size()));
    }
    for (String url : images) {
      if (url == null || !(url.regionMatches(true, 0, "https://", 0, 8)
          || url.regionMatches(true, 0, "http://", 0, 7))) {
        out.add(new Violation("imageUrls", "url", "image locations must be public http(s) URLs: " + url));
      }
    }
  }

  /** GS1 check digit: from the right, digits are weighted 3, 1, 3, ... and the sum must end in 0. */
  static boolean validGtin(String gtin) {
    int n = gtin.length();
    if (!DIGITS.matcher(gtin).matches() || (n != 8 && n != 12 && n != 13 && n != 14)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < n; i++) {
      int digit = gtin.charAt(n - 1 - i) - '0';
      sum += i % 2 == 1 ? digit * 3 : digit;
    }
    return sum % 10 == 0;
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
