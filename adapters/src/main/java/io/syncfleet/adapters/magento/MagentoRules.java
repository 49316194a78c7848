package io.syncfleet.adapters.magento;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Magento's listing rules that can be checked before a call (limits in {@link MagentoApi}). Images
 * are not sent (see {@link MagentoMapper}), so there are no image rules.
 */
final class MagentoRules {
  private MagentoRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    if (blank(l.sku())) {
      out.add(new Violation("sku", "required", "sku is required"));
    } else {
      if (l.sku().length() > MagentoApi.MAX_SKU) {
        out.add(new Violation("sku", "max_length", "sku must be at most " + MagentoApi.MAX_SKU
            + " characters, got " + l.sku().length()));
      }
      if (l.sku().indexOf('/') >= 0) {
        // [C] the SKU is a path segment of every product call; most web servers refuse an encoded '/'.
        out.add(new Violation("sku", "no_slash", "a SKU with '/' cannot be addressed through Magento's REST API"));
      }
    }
    if (blank(l.title())) {
      out.add(new Violation("title", "required", "title is required"));
    } else if (l.title().length() > MagentoApi.MAX_NAME) {
      out.add(new Violation("title", "max_length", "title must be at most " + MagentoApi.MAX_NAME
          + " characters, got " + l.title().length()));
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) < 0) {
      out.add(new Violation("price", "required", "a price of zero or more is required"));
    }
    if (l.categoryId() != null && !l.categoryId().matches("\\d+")) {
      out.add(new Violation("categoryId", "numeric", "a Magento category id is a number, got '"
          + l.categoryId() + "'"));
    }
    if (l.group() != null) {
      if (l.group().isBlank() || l.group().length() > MagentoApi.MAX_SKU || l.group().indexOf('/') >= 0) {
        out.add(new Violation("group", "sku", "the group is the configurable product's SKU: 1 to "
            + MagentoApi.MAX_SKU + " characters without '/'"));
      }
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant needs the options that tell it apart, e.g. Size=M"));
      }
      for (Map.Entry<String, String> option : l.options().entrySet()) {
        if (MagentoMapper.attributeCode(option.getKey()).isEmpty() || blank(option.getValue())) {
          out.add(new Violation("options", "attribute", "option '" + option.getKey() + "=" + option.getValue()
              + "' must name an attribute and a value"));
        }
      }
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
