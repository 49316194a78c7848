package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmazonRulesTest {
  @Test
  void aCompleteNewProductPasses() {
    assertEquals(List.of(), AmazonRules.check(AmazonFixture.listing("SKU-1")));
  }

  @Test
  void aNewProductNeedsBrandGtinAndMainImage() {
    Listing bare = new Listing("SKU-1", "Mug", null, null, null, null, Listing.Condition.NEW, new BigDecimal("3"),
        "EUR", 1, List.of(), "HOME", Map.of(), null, Map.of());

    assertEquals(List.of("brand", "gtin", "imageUrls"), fields(bare));
  }

  @Test
  void aGtinExemptionReplacesTheGtin() {
    Listing exempt = with(AmazonFixture.listing("SKU-1"), null,
        Map.of("supplier_declared_has_product_identifier_exemption", List.of("{\"value\":true}")));

    assertEquals(List.of(), AmazonRules.check(exempt));
  }

  @Test
  void anOfferOnAnExistingAsinNeedsNoProductFacts() {
    Listing offer = new Listing("SKU-1", "Mug", null, null, null, null, Listing.Condition.USED_GOOD,
        new BigDecimal("3"), "EUR", 1, List.of(), null, Map.of("merchant_suggested_asin", List.of("B07XJ8C8F5")),
        null, Map.of());

    assertEquals(List.of(), AmazonRules.check(offer));
    assertEquals(List.of("attributes.merchant_suggested_asin"),
        fields(with(offer, null, Map.of("merchant_suggested_asin", List.of("b07-xj8")))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4006381333931", "036000291452", "96385074", "10614141000415"})
  void acceptsGtinsWithAValidCheckDigit(String gtin) {
    assertTrue(AmazonRules.validGtin(gtin));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4006381333932", "03600029145", "ABCDEFGHIJKLM", "400638133393100"})
  void refusesOtherGtins(String gtin) {
    assertFalse(AmazonRules.validGtin(gtin));
    assertEquals(List.of("gtin"), fields(with(AmazonFixture.listing("SKU-1"), gtin, Map.of())));
  }

  @Test
  void limitsSkuTitleAndImages() {
    List<String> images = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      images.add("https://img.example.com/" + i + ".jpg");
    }
    images.set(3, "ftp://img.example.com/3.jpg");
    Listing l = new Listing("S".repeat(41), "T".repeat(201), null, "Acme", null, "4006381333931",
        Listing.Condition.NEW, new BigDecimal("3"), "EUR", 1, images, "HOME", Map.of(), null, Map.of());

    List<Violation> violations = AmazonRules.check(l);

    assertEquals(List.of("max_length", "max_length", "max_count", "url"),
        violations.stream().map(Violation::rule).toList());
  }

  @Test
  void forPartsHasNoAmazonCondition() {
    Listing parts = new Listing("SKU-1", "Mug", null, "Acme", null, "4006381333931", Listing.Condition.FOR_PARTS,
        new BigDecimal("3"), "EUR", 1, List.of("https://img.example.com/a.jpg"), "HOME", Map.of(), null, Map.of());

    assertEquals(List.of("unsupported"), AmazonRules.check(parts).stream().map(Violation::rule).toList());
  }

  @Test
  void aVariantNeedsOptionsAndAParentOtherThanItself() {
    Listing variant = AmazonFixture.listing("SKU-1").asVariant("SKU-1", Map.of());

    assertEquals(List.of("options", "group"), fields(variant));
  }

  private static List<String> fields(Listing l) {
    return AmazonRules.check(l).stream().map(Violation::field).toList();
  }

  private static Listing with(Listing l, String gtin, Map<String, List<String>> attributes) {
    return new Listing(l.sku(), l.title(), l.description(), l.brand(), l.mpn(), gtin, l.condition(), l.price(),
        l.currency(), l.quantity(), l.imageUrls(), l.categoryId(), attributes, l.group(), l.options());
  }
}
