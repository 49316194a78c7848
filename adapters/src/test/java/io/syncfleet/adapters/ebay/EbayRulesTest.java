package io.syncfleet.adapters.ebay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EbayRulesTest {
  private static final Listing VALID = new Listing("S".repeat(50), "T".repeat(80), "D".repeat(4000),
      "B".repeat(65), "M".repeat(65), null, Listing.Condition.USED_GOOD, new BigDecimal("1.00"), "USD", 1,
      Collections.nCopies(12, "https://img.example/a.jpg"), null, Map.of(), null, Map.of());

  @Test
  void aListingAtEveryLimitIsValid() {
    assertEquals(List.of(), EbayRules.check(VALID));
  }

  @Test
  void eachLimitIsEnforced() {
    Listing l = new Listing("S".repeat(51), "T".repeat(81), "D".repeat(4001), "B".repeat(66), "M".repeat(66),
        null, Listing.Condition.NEW, new BigDecimal("1.00"), "USD", 1,
        Collections.nCopies(13, "https://img.example/a.jpg"), null, Map.of(), null, Map.of());

    assertEquals(List.of("sku:max_length", "title:max_length", "brand:max_length", "mpn:max_length",
        "description:max_length", "imageUrls:max_count"), keys(EbayRules.check(l)));
  }

  @Test
  void requiredFieldsAreRequired() {
    Listing l = new Listing(" ", null, null, null, null, null, null, null, "USD", 1, List.of(), null,
        Map.of(), null, Map.of());

    assertEquals(List.of("sku:required", "title:required", "condition:required", "price:positive",
        "imageUrls:required"), keys(EbayRules.check(l)));
  }

  @Test
  void imagesMustUseHttps() {
    List<String> images = new ArrayList<>(List.of("https://img.example/a.jpg", "http://img.example/b.jpg"));
    Listing l = VALID.withImages(images);

    List<Violation> violations = EbayRules.check(l);

    assertEquals(List.of("imageUrls:https"), keys(violations));
    assertTrue(violations.get(0).message().contains("http://img.example/b.jpg"));
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
