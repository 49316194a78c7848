package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefurbedRulesTest {
  @Test
  void aListingAtEveryLimitIsValid() {
    Listing l = new Listing("S".repeat(256), null, null, null, null, "12345678", Listing.Condition.USED_EXCELLENT,
        new BigDecimal("0.01"), "EUR", 0, List.of(), null, Map.of("warranty_months", List.of("36")), null, Map.of());

    assertEquals(List.of(), RefurbedRules.check(l));
    assertEquals("A", RefurbedRules.grading(l));
  }

  @Test
  void anInstanceIdReplacesTheGtin() {
    Listing l = new Listing("S", null, null, null, null, null, Listing.Condition.REFURBISHED, BigDecimal.TEN, "EUR", 1,
        List.of(), null, Map.of("instance_id", List.of("inst-1"), "grading", List.of("b")), null, Map.of());

    assertEquals(List.of(), RefurbedRules.check(l));
    assertEquals("B", RefurbedRules.grading(l));
  }

  @Test
  void eachRuleIsEnforced() {
    Listing l = new Listing("S".repeat(257), null, null, null, null, "0194252035671X", Listing.Condition.NEW,
        new BigDecimal("-1"), null, null, List.of(), null, Map.of("warranty_months", List.of("6")), null, Map.of());

    assertEquals(List.of("sku:max_length", "gtin:gtin", "price:positive", "currency:required", "quantity:required",
        "condition:grading", "attributes.warranty_months:warranty"), keys(RefurbedRules.check(l)));
  }

  @Test
  void skusWithSurroundingWhitespaceAreRefused() {
    Listing l = new Listing(" S ", null, null, null, null, "12345678", Listing.Condition.USED_GOOD, BigDecimal.ONE,
        "EUR", 1, List.of(), null, Map.of(), null, Map.of());

    assertEquals(List.of("sku:whitespace"), keys(RefurbedRules.check(l)));
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
