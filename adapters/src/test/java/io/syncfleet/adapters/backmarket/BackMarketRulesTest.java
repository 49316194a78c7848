package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackMarketRulesTest {
  @Test
  void aGradedListingWithAnEanIsValid() {
    assertEquals(List.of(), BackMarketRules.check(listing("0194252035671", Listing.Condition.REFURBISHED,
        Map.of("grade", List.of("very good")))));
  }

  @Test
  void aUsedConditionStandsForAGrade() {
    Listing l = listing("12345678", Listing.Condition.USED_ACCEPTABLE, Map.of());

    assertEquals(List.of(), BackMarketRules.check(l));
    assertEquals("FAIR", BackMarketRules.grade(l));
  }

  @Test
  void aProductIdReplacesTheEan() {
    assertEquals(List.of(), BackMarketRules.check(listing(null, Listing.Condition.USED_GOOD,
        Map.of("product_id", List.of("6d4ad966-db97-4d88-b409-b28cc2a0f8c9")))));
  }

  @Test
  void eachRuleIsEnforced() {
    Listing l = new Listing(" ", null, null, null, null, "ABC", Listing.Condition.NEW, BigDecimal.ZERO, "EUR", -1,
        List.of(), null, Map.of("warranty_months", List.of("6")), null, Map.of());

    assertEquals(List.of("sku:required", "gtin:ean", "price:positive", "quantity:required", "condition:grade",
        "attributes.warranty_months:min_warranty"), keys(BackMarketRules.check(l)));
  }

  @Test
  void anUnknownGradeOrAMissingProductIsNamed() {
    assertEquals(List.of("gtin:required", "condition:grade"), keys(BackMarketRules.check(
        listing(null, Listing.Condition.USED_GOOD, Map.of("grade", List.of("mint"))))));
  }

  private static Listing listing(String ean, Listing.Condition condition, Map<String, List<String>> attributes) {
    return new Listing("IPH-1", null, null, null, null, ean, condition, new BigDecimal("1.00"), "EUR", 0, List.of(),
        null, attributes, null, Map.of());
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
