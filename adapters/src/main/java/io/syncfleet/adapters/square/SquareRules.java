package io.syncfleet.adapters.square;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Square's listing rules that can be checked before a call (limits in {@link SquareApi}). Images
 * are not sent (see {@link SquareMapper}), so there are no image rules.
 */
final class SquareRules {
  private SquareRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    if (blank(l.sku())) {
      out.add(new Violation("sku", "required", "sku is required"));
    }
    if (blank(l.title())) {
      out.add(new Violation("title", "required", "an item's name must not be empty"));
    } else if (l.title().codePointCount(0, l.title().length()) > SquareApi.MAX_ITEM_NAME) {
      out.add(new Violation("title", "max_length", "title must be at most " + SquareApi.MAX_ITEM_NAME + " characters"));
    }
    price(out, l.price(), l.currency());
    if (l.gtin() != null && !l.gtin().matches(SquareApi.UPC_PATTERN)) {
      out.add(new Violation("gtin", "upc", "Square's UPC is 12 to 14 digits, got '" + l.gtin() + "'"));
    }
    String name = SquareMapper.variationName(l);
    if (name.codePointCount(0, name.length()) > SquareApi.MAX_VARIATION_NAME) {
      out.add(new Violation("options", "max_length", "the variation name '" + name + "' is over "
          + SquareApi.MAX_VARIATION_NAME + " characters"));
    }
    if (l.group() != null) {
      if (blank(l.group())) {
        out.add(new Violation("group", "required", "a variant's group must not be blank"));
      }
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant needs the options that tell it apart, e.g. Size=M"));
      }
      for (Map.Entry<String, String> option : l.options().entrySet()) {
        if (blank(option.getKey()) || blank(option.getValue())) {
          out.add(new Violation("options", "blank", "option '" + option.getKey() + "=" + option.getValue()
              + "' needs a name and a value"));
        }
      }
    }
    return out;
  }

  /** The rules a price and its currency break: Square takes a known currency in whole minor units. */
  static List<Violation> price(BigDecimal amount, String currency) {
    List<Violation> out = new ArrayList<>();
    price(out, amount, currency);
    return out;
  }

  private static void price(List<Violation> out, BigDecimal amount, String currency) {
    if (amount == null || amount.signum() < 0) {
      out.add(new Violation("price", "required", "a price of zero or more is required"));
    }
    int digits;
    try {
      digits = Currency.getInstance(currency == null ? "" : currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      out.add(new Violation("currency", "iso4217", "'" + currency + "' is not an ISO 4217 currency"));
      return;
    }
    if (amount != null && amount.stripTrailingZeros().scale() > Math.max(digits, 0)) {
      out.add(new Violation("price", "minor_units", amount.toPlainString() + " " + currency
          + " is not a whole number of minor units"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
