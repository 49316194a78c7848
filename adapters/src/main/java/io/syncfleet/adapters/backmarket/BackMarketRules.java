package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Back Market's listing rules that can be checked before a catalog file is sent (facts in
 * {@link BackMarketApi}). A listing is a seller's offer on a product of Back Market's own catalog,
 * found by EAN or product id: title, description, images and category belong to that product and
 * are not sent, so they have no rules here. What the offer needs is its SKU, the product, a price,
 * a quantity and an aesthetic grade.
 */
final class BackMarketRules {
  private BackMarketRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    if (l.sku() == null || l.sku().isBlank()) {
      out.add(new Violation("sku", "required", "sku is required"));
    }
    String productId = attribute(l, BackMarketApi.PRODUCT_ID);
    if ((l.gtin() == null || l.gtin().isBlank()) && productId == null) {
      out.add(new Violation("gtin", "required", "Back Market finds the product by EAN (gtin) or by its product id "
          + "(attribute " + BackMarketApi.PRODUCT_ID + "); give one"));
    } else if (l.gtin() != null && !l.gtin().isBlank() && !isEan(l.gtin().trim())) {
      out.add(new Violation("gtin", "ean", "'" + l.gtin() + "' is not an EAN of 8, 12, 13 or 14 digits"));
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) <= 0) {
      out.add(new Violation("price", "positive", "a price above zero is required"));
    }
    if (l.quantity() == null || l.quantity() < 0) {
      out.add(new Violation("quantity", "required", "a quantity of zero or more is required"));
    }
    if (grade(l) == null) {
      out.add(new Violation("condition", "grade", "Back Market lists refurbished items by aesthetic grade: set "
          + "attribute " + BackMarketApi.GRADE + " to one of " + BackMarketApi.GRADES.keySet()
          + ", or use condition USED_EXCELLENT, USED_GOOD or USED_ACCEPTABLE"));
    }
    String warranty = attribute(l, BackMarketApi.WARRANTY_MONTHS);
    if (warranty != null && warrantyMonths(warranty) < BackMarketApi.MIN_WARRANTY_MONTHS) {
      out.add(new Violation("attributes." + BackMarketApi.WARRANTY_MONTHS, "min_warranty", "a warranty of at least "
          + BackMarketApi.MIN_WARRANTY_MONTHS + " months is required, got '" + warranty + "'"));
    }
    return out;
  }

  /** The listing's grade: its {@code grade} attribute, else the one its condition stands for; null if neither. */
  static String grade(Listing l) {
    String named = attribute(l, BackMarketApi.GRADE);
    if (named != null) {
      String upper = named.toUpperCase(Locale.ROOT).replace(' ', '_');
      return BackMarketApi.GRADES.containsKey(upper) ? upper : null;
    }
    return l.condition() == null ? null : BackMarketApi.GRADE_BY_CONDITION.get(l.condition());
  }

  /** The first value of an attribute, trimmed, or null. */
  static String attribute(Listing l, String name) {
    List<String> values = l.attributes().get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).trim();
  }

  /** Months in a warranty attribute, or -1 when it is not a number. */
  static int warrantyMonths(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isEan(String gtin) {
    return BackMarketApi.EAN_LENGTHS.contains(gtin.length()) && gtin.chars().allMatch(Character::isDigit);
  }
}
