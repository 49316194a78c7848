package io.syncfleet.adapters.meta;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta's listing rules that can be checked before a call (limits in {@link MetaApi}): the fields a
 * catalog item must have, their lengths, the images, and a condition Meta has a word for. Items
 * breaking them would only come back refused in the batch status, a call later.
 */
final class MetaRules {
  private MetaRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    required(out, "sku", l.sku());
    maxLength(out, "sku", l.sku(), MetaApi.MAX_ID);
    required(out, "title", l.title());
    maxLength(out, "title", l.title(), MetaApi.MAX_TITLE);
    required(out, "description", l.description());
    maxLength(out, "description", l.description(), MetaApi.MAX_DESCRIPTION);
    maxLength(out, "brand", l.brand(), MetaApi.MAX_BRAND);
    maxLength(out, "group", l.group(), MetaApi.MAX_GROUP_ID);
    if (blank(l.brand()) && blank(l.gtin()) && blank(l.mpn())) {
      out.add(new Violation("brand", "required", "a brand (or else a GTIN or MPN) is required"));
    }
    if (l.condition() == null) {
      out.add(new Violation("condition", "required", "condition is required"));
    } else if (!MetaApi.CONDITIONS.containsKey(l.condition())) {
      out.add(new Violation("condition", "unsupported", "Meta has no condition for " + l.condition()
          + "; it knows new, refurbished and used"));
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required"));
    }
    if (blank(l.currency())) {
      out.add(new Violation("currency", "required", "currency is required"));
    }
    List<String> images = l.imageUrls();
    if (images.isEmpty()) {
      out.add(new Violation("imageUrls", "required", "at least one image is required"));
    }
    if (images.size() > 1 + MetaApi.MAX_ADDITIONAL_IMAGES) {
      out.add(new Violation("imageUrls", "max_count", "at most " + (1 + MetaApi.MAX_ADDITIONAL_IMAGES)
          + " images, got " + images.size()));
    }
    for (String url : images) {
      if (!isWebUrl(url)) {
        out.add(new Violation("imageUrls", "url", "image URLs must be http or https: " + url));
      }
    }
    List<String> link = l.attributes().get(MetaApi.LINK_ATTRIBUTE);
    if (link != null && !link.isEmpty() && !isWebUrl(link.get(0))) {
      out.add(new Violation("attributes.link", "url", "the product page must be an http or https URL: " + link.get(0)));
    }
    return out;
  }

  private static boolean isWebUrl(String url) {
    return url != null && (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void required(List<Violation> out, String field, String value) {
    if (blank(value)) {
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
