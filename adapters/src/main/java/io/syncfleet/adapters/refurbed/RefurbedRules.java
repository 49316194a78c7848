package io.syncfleet.adapters.refurbed;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * refurbed's offer rules that can be checked before a call (facts in {@link RefurbedApi}). An offer
 * is the merchant's stock of one refurbed instance (a product variant of refurbed's catalog), found
 * by instance id or GTIN: title, description, images and category belong to the instance and are not
 * sent, so they have no rules here.
 */
final class RefurbedRules {
  private RefurbedRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    if (l.sku() == null || l.sku().isBlank()) {
      out.add(new Violation("sku", "required", "sku is required"));
    } else if (l.sku().length() > RefurbedApi.MAX_SKU) {
      out.add(new Violation("sku", "max_length", "sku must be at most " + RefurbedApi.MAX_SKU + " characters, got "
          + l.sku().length()));
    } else if (!l.sku().equals(l.sku().strip())) {
      out.add(new Violation("sku", "whitespace", "refurbed refuses SKUs with leading or trailing whitespace"));
    }
    if (attribute(l, RefurbedApi.INSTANCE_ID) == null) {
      if (l.gtin() == null || l.gtin().isBlank()) {
        out.add(new Violation("gtin", "required", "refurbed finds the product by GTIN or by its instance id "
            + "(attribute " + RefurbedApi.INSTANCE_ID + "); give one"));
      } else if (!isGtin(l.gtin().trim())) {
        out.add(new Violation("gtin", "gtin", "'" + l.gtin() + "' is not a GTIN-8, GTIN-12 or GTIN-13"));
      }
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required"));
    } else if (!RefurbedMapper.isMoney(l.price())) {
      out.add(new Violation("price", "decimals", "refurbed takes at most " + RefurbedApi.MONEY_SCALE
          + " decimals, got " + l.price().toPlainString()));
    }
    if (l.currency() == null || l.currency().isBlank()) {
      out.add(new Violation("currency", "required", "the price's currency is required"));
    }
    if (l.quantity() == null || l.quantity() < 0) {
      out.add(new Violation("quantity", "required", "a quantity of zero or more is required"));
    }
    if (grading(l) == null) {
      out.add(new Violation("condition", "grading", "refurbed grades offers A, B or C: set attribute "
          + RefurbedApi.GRADING + ", or use condition USED_EXCELLENT, USED_GOOD or USED_ACCEPTABLE"));
    }
    String warranty = attribute(l, RefurbedApi.WARRANTY);
    if (warranty != null && warrantyMonths(warranty) == null) {
      out.add(new Violation("attributes." + RefurbedApi.WARRANTY, "warranty", "a warranty of "
          + RefurbedApi.WARRANTY_MONTHS + " months is required, got '" + warranty + "'"));
    }
    return out;
  }

  /** The listing's grading: its {@code grading} attribute, else the one its condition stands for; null if neither. */
  static String grading(Listing l) {
    String named = attribute(l, RefurbedApi.GRADING);
    if (named != null) {
      String upper = named.toUpperCase(Locale.ROOT);
      return RefurbedApi.GRADINGS.contains(upper) ? upper : null;
    }
    return l.condition() == null ? null : RefurbedApi.GRADING_BY_CONDITION.get(l.condition());
  }

  /** A warranty attribute's months when refurbed offers that warranty, else null. */
  static Integer warrantyMonths(String value) {
    try {
      int months = Integer.parseInt(value);
      return RefurbedApi.WARRANTY_MONTHS.contains(months) ? months : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first value of an attribute, trimmed, or null. */
  static String attribute(Listing l, String name) {
    List<String> values = l.attributes().get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }

  private static boolean isGtin(String gtin) {
    return RefurbedApi.GTIN_LENGTHS.contains(gtin.length()) && gtin.chars().allMatch(Character::isDigit);
  }
}
