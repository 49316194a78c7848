package io.syncfleet.adapters.prestashop;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** PrestaShop's listing rules that can be checked before a call (limits in {@link PrestaShopApi}). */
final class PrestaShopRules {
  private PrestaShopRules() {}

  /** The rules {@code l} breaks; empty when it may be sent. */
  static List<Violation> check(Listing l) {
    List<Violation> out = new ArrayList<>();
    reference(out, "sku", l.sku());
    if (blank(l.title())) {
      out.add(new Violation("title", "required", "a PrestaShop product needs a name"));
    } else {
      if (l.title().length() > PrestaShopApi.MAX_NAME) {
        out.add(new Violation("title", "max_length", "is " + l.title().length() + " characters; PrestaShop allows "
            + PrestaShopApi.MAX_NAME));
      }
      if (containsAny(l.title(), PrestaShopApi.NAME_FORBIDDEN)) {
        out.add(new Violation("title", "catalog_name", "a PrestaShop product name may not contain any of "
            + PrestaShopApi.NAME_FORBIDDEN));
      }
    }
    if (l.price() == null || l.price().compareTo(BigDecimal.ZERO) < 0) {
      out.add(new Violation("price", "required", "a price of zero or more is required (PrestaShop's tax-excluded price)"));
    }
    if (!blank(l.categoryId()) && !l.categoryId().trim().matches("\\d{1,10}")) {
      out.add(new Violation("categoryId", "prestashop_category_id", "'" + l.categoryId()
          + "' is not a PrestaShop category id (a number, under Catalog > Categories)"));
    }
    if (!blank(l.gtin()) && !l.gtin().matches("\\d{8}|\\d{12}|\\d{13}")) {
      out.add(new Violation("gtin", "gtin", "'" + l.gtin() + "' is not an EAN-8, UPC-A or EAN-13, which PrestaShop "
          + "keeps (GTIN-14 has no field)"));
    }
    if (!blank(l.mpn()) && l.mpn().length() > PrestaShopApi.MAX_MPN) {
      out.add(new Violation("mpn", "max_length", "PrestaShop keeps " + PrestaShopApi.MAX_MPN + " characters"));
    }
    if (!blank(l.group())) {
      reference(out, "group", l.group().trim());
      if (l.options().isEmpty()) {
        out.add(new Violation("options", "required", "a variant of group '" + l.group()
            + "' needs the options that make its combination, e.g. Size=M"));
      }
    }
    return out;
  }

  /** A reference: PrestaShop's own rules, and the characters its list filter cannot carry. */
  private static void reference(List<Violation> out, String field, String value) {
    if (blank(value)) {
      out.add(new Violation(field, "required", "PrestaShop finds products by reference, so one is required"));
      return;
    }
    if (value.length() > PrestaShopApi.MAX_REFERENCE) {
      out.add(new Violation(field, "max_length", "is " + value.length() + " characters; a PrestaShop reference has "
          + PrestaShopApi.MAX_REFERENCE));
    }
    if (containsAny(value, PrestaShopApi.REFERENCE_FORBIDDEN) || containsAny(value, PrestaShopApi.FILTER_SYNTAX)) {
      out.add(new Violation(field, "reference", "a PrestaShop reference the Webservice can find may not contain any of "
          + PrestaShopApi.REFERENCE_FORBIDDEN + PrestaShopApi.FILTER_SYNTAX));
    }
  }

  private static boolean containsAny(String s, String chars) {
    return s.chars().anyMatch(c -> chars.indexOf(c) >= 0);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
