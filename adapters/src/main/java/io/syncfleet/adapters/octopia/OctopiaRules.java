package io.syncfleet.adapters.octopia;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Octopia's offer rules that can be checked before a package (limits in {@link OctopiaApi}). An
 * Octopia offer sits on a product sheet that must already exist in the catalog, found by GTIN:
 * title, description, images, brand and category belong to that sheet (product integration, a
 * separate and heavily rate-limited flow) and are neither sent nor checked here.
 */
final class OctopiaRules {
  private OctopiaRules() {}

  /** The rules {@code l} breaks whatever the connection; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    sku(out, l.sku());
    String gtin = l.gtin();
    if (gtin == null || gtin.isBlank()) {
      out.add(new Violation("gtin", "required", "gtin is required: Octopia matches offers to products by EAN"));
    } else if (!gtin.trim().matches(OctopiaApi.GTIN_PATTERN)) {
      out.add(new Violation("gtin", "format", "gtin must be 8, 12, 13 or 14 digits, got '" + gtin + "'"));
    }
    if (l.condition() == null) {
      out.add(new Violation("condition", "required", "condition is required"));
    } else if (!OctopiaApi.CONDITIONS.containsKey(l.condition())) {
      out.add(new Violation("condition", "unsupported", "Octopia has no offer condition for " + l.condition()));
    }
    positive(out, "price", l.price());
    if (l.quantity() == null) {
      out.add(new Violation("quantity", "required", "quantity is required in a full offer"));
    } else if (l.quantity() < 0) {
      out.add(new Violation("quantity", "min", "quantity must not be negative"));
    }
    return out;
  }

  /** {@link #check} plus the connection's currency. */
  static List<Violation> checkOffer(Listing l, OctopiaSettings s) {
    List<Violation> out = check(l);
    currency(out, l.currency(), s);
    return out;
  }

  /** The rules a price change breaks. */
  static List<Violation> checkPrice(PriceChange p, OctopiaSettings s) {
    List<Violation> out = new ArrayList<>();
    sku(out, p.sku());
    positive(out, "amount", p.amount());
    currency(out, p.currency(), s);
    return out;
  }

  /** The rules a stock level or delete breaks: only its SKU's. */
  static List<Violation> checkSku(String sku) {
    List<Violation> out = new ArrayList<>();
    sku(out, sku);
    return out;
  }

  private static void sku(List<Violation> out, String sku) {
    if (sku == null || sku.isBlank()) {
      out.add(new Violation("sku", "required", "sku is required"));
    } else if (sku.length() > OctopiaApi.MAX_SKU) {
      out.add(new Violation("sku", "max_length", "sku must be at most " + OctopiaApi.MAX_SKU
          + " characters, got " + sku.length()));
    }
  }

  private static void positive(List<Violation> out, String field, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      out.add(new Violation(field, "positive", "a " + field + " above zero is required"));
    }
  }

  private static void currency(List<Violation> out, String currency, OctopiaSettings s) {
    if (currency != null && !currency.equalsIgnoreCase(s.currency())) {
      out.add(new Violation("currency", "mismatch", "this Octopia account sells in " + s.currency() + ", not "
          + currency));
    }
  }
}
