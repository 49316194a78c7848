package io.syncfleet.adapters.mirakl;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirakl's offer rules that can be checked before an import (limits in {@link MiraklApi}). A Mirakl
 * listing is an offer on a product of the operator's catalog: title, description, images, brand and
 * category belong to that product, which the operator's catalog owns and matches by product id, so an
 * offer import neither sends nor checks them. What an offer needs is a SKU, the product reference,
 * a state (condition), a price and a quantity.
 */
final class MiraklRules {
  private MiraklRules() {}

  /** The rules {@code l} breaks whatever the connection; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    sku(out, l.sku());
    if (l.condition() == null) {
      out.add(new Violation("condition", "required", "condition is required (it is the offer's state)"));
    }
    positive(out, "price", l.price());
    if (l.quantity() == null) {
      out.add(new Violation("quantity", "required",
          "quantity is required: a complete offer without one is stocked at 0"));
    } else if (l.quantity() < 0) {
      out.add(new Violation("quantity", "min", "quantity must not be negative"));
    }
    String gtin = l.gtin();
    if (gtin != null && !gtin.isBlank() && !gtin.matches("\\d{8}|\\d{12,14}")) {
      out.add(new Violation("gtin", "format", "gtin must be 8, 12, 13 or 14 digits, got '" + gtin + "'"));
    }
    return out;
  }

  /** {@link #check} plus the rules that depend on the connection: product reference, state, currency. */
  static List<Violation> checkOffer(Listing l, MiraklSettings s) {
    List<Violation> out = check(l);
    if (productId(l, s) == null) {
      String field = MiraklApi.MPN.equals(s.productIdType()) ? "mpn" : "gtin";
      out.add(new Violation(field, "required", field + " is required: this connection matches offers to "
          + "products by " + s.productIdType()));
    }
    if (l.condition() != null && s.stateCode(l.condition()).isEmpty()) {
      out.add(new Violation("condition", "unmapped", "no Mirakl offer state for condition " + l.condition()
          + "; set '" + MiraklApi.STATE_CODE_PREFIX + l.condition() + "' on the connection"));
    }
    currency(out, l.currency(), s);
    return out;
  }

  /** The rules a price change breaks. */
  static List<Violation> checkPrice(PriceChange p, MiraklSettings s) {
    List<Violation> out = new ArrayList<>();
    positive(out, "amount", p.amount());
    if (p.compareAt() != null && p.amount() != null && p.compareAt().compareTo(p.amount()) <= 0) {
      out.add(new Violation("compareAt", "greater", "a compare-at price must be above the price"));
    }
    currency(out, p.currency(), s);
    return out;
  }

  /** The value of the offer's {@code product-id} cell, or null when the listing lacks it. */
  static String productId(Listing l, MiraklSettings s) {
    String value;
    if (MiraklApi.SHOP_SKU.equals(s.productIdType())) {
      value = l.sku();
    } else if (MiraklApi.MPN.equals(s.productIdType())) {
      value = l.mpn();
    } else {
      value = l.gtin();
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void sku(List<Violation> out, String sku) {
    if (sku == null || sku.isBlank()) {
      out.add(new Violation("sku", "required", "sku is required"));
      return;
    }
    if (sku.length() > MiraklApi.MAX_SKU) {
      out.add(new Violation("sku", "max_length", "sku must be at most " + MiraklApi.MAX_SKU
          + " characters, got " + sku.length()));
    }
    if (sku.indexOf('\n') >= 0 || sku.indexOf('\r') >= 0) {
      out.add(new Violation("sku", "format", "sku must not contain line breaks"));
    }
  }

  private static void positive(List<Violation> out, String field, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      out.add(new Violation(field, "positive", "a " + field + " above zero is required"));
    }
  }

  private static void currency(List<Violation> out, String currency, MiraklSettings s) {
    if (s.currency() != null && currency != null && !currency.equalsIgnoreCase(s.currency())) {
      out.add(new Violation("currency", "mismatch", "this Mirakl shop sells in " + s.currency() + ", not "
          + currency));
    }
  }
}
