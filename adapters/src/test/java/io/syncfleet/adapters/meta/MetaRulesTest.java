package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaRulesTest {
  private static Listing listing(String title, String description, String brand, String gtin,
      Listing.Condition condition, List<String> images) {
    return new Listing("SKU-1", title, description, brand, null, gtin, condition, new BigDecimal("9.99"), "EUR", 1,
        images, null, Map.of(), null, Map.of());
  }

  private static List<String> rules(Listing l) {
    return MetaRules.check(l).stream().map(v -> v.field() + ":" + v.rule()).toList();
  }

  @Test
  void aCompleteListingPasses() {
    assertTrue(MetaRules.check(MetaListingsTest.mug("SKU-1")).isEmpty());
  }

  @Test
  void titleDescriptionAndImageAreRequired() {
    assertEquals(List.of("title:required", "description:required", "imageUrls:required"),
        rules(listing(" ", null, "Acme", null, Listing.Condition.NEW, List.of())));
  }

  @Test
  void aGtinOrMpnMayStandInForTheBrand() {
    assertEquals(List.of("brand:required"), rules(listing("Mug", "Nice", null, null, Listing.Condition.NEW,
        List.of("https://img.example/a.jpg"))));
    assertTrue(rules(listing("Mug", "Nice", null, "4006381333931", Listing.Condition.NEW,
        List.of("https://img.example/a.jpg"))).isEmpty());
  }

  @Test
  void lengthsFollowMetasTemplate() {
    List<Violation> v = MetaRules.check(listing("x".repeat(151), "d".repeat(10_000), "b".repeat(101), null,
        Listing.Condition.NEW, List.of("https://img.example/a.jpg")));

    assertEquals(List.of("title", "description", "brand"), v.stream().map(Violation::field).toList());
  }

  @Test
  void imagesMustBeWebUrlsAndAtMostTwentyOne() {
    assertEquals(List.of("imageUrls:url"), rules(listing("Mug", "Nice", "Acme", null, Listing.Condition.NEW,
        List.of("ftp://img.example/a.jpg"))));
    assertEquals(List.of("imageUrls:max_count"), rules(listing("Mug", "Nice", "Acme", null, Listing.Condition.NEW,
        Collections.nCopies(22, "https://img.example/a.jpg"))));
  }

  @Test
  void metaHasNoConditionForPartsOnlyItems() {
    assertEquals(List.of("condition:unsupported"), rules(listing("Mug", "Nice", "Acme", null,
        Listing.Condition.FOR_PARTS, List.of("https://img.example/a.jpg"))));
  }
}
