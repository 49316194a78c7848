package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManoManoRulesTest {
  @Test
  void aProductReadyForTheCatalogIsValid() {
    Listing l = new Listing("DRILL-1", "Cordless drill", "18V, two batteries", "Bosch", "GSR18V", null,
        Listing.Condition.NEW, new BigDecimal("99.00"), "EUR", 4,
        Collections.nCopies(5, "https://img.example/drill.jpg"), null, Map.of(), null, Map.of());

    assertEquals(List.of(), ManoManoRules.check(l));
  }

  @Test
  void eachRuleIsEnforced() {
    Listing l = new Listing(" ", null, null, null, null, null, Listing.Condition.NEW, null, "EUR", 1,
        List.of("ftp://img.example/a.jpg", "https://a", "https://b", "https://c", "https://d", "https://e"), null,
        Map.of(), null, Map.of());

    assertEquals(List.of("sku:required", "brand:required", "title:required", "description:required",
        "gtin:required", "imageUrls:max_count", "imageUrls:http_url", "price:positive"), keys(ManoManoRules.check(l)));
  }

  @Test
  void anImageIsRequired() {
    Listing l = Listing.of("S", "T", BigDecimal.ONE, "EUR", 1).withDetails("D", "B", null);

    assertEquals(List.of("gtin:required", "imageUrls:required"), keys(ManoManoRules.check(l)));
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
