package io.syncfleet.adapters.shopee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shopee's listing rules, and the adapter as the registry and the job contract see it. */
class ShopeeRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("shopee").orElseThrow();

  @Test
  void aCompleteListingPasses() {
    assertEquals(List.of(), adapter.validate(listing(Map.of("package_weight", List.of("0.4")), null, Map.of())));
  }

  @Test
  void requiredFieldsAndLimits() {
    Listing bare = new Listing("S", "x".repeat(121), null, null, null, null, Listing.Condition.NEW, BigDecimal.ZERO,
        "SGD", -1, List.of(), "shoes", Map.of(), null, Map.of());

    assertEquals(List.of("title", "description", "price", "quantity", "categoryId", "imageUrls",
        "attributes.package_weight"), fields(adapter.validate(bare)));
  }

  @Test
  void packageSizesAreWholeCentimetresGivenTogether() {
    assertEquals(List.of("attributes.package_length", "attributes"), fields(adapter.validate(listing(Map.of(
        "package_weight", List.of("0.4"), "package_length", List.of("10.5")), null, Map.of()))));
    assertEquals(List.of(), adapter.validate(listing(Map.of("package_weight", List.of("0.4"),
        "package_length", List.of("10"), "package_width", List.of("8"), "package_height", List.of("12")), null,
        Map.of())));
  }

  @Test
  void variantsNeedOptionsAndAtMostTwoTiers() {
    Map<String, List<String>> weight = Map.of("package_weight", List.of("0.4"));
    assertEquals(List.of("options"), fields(adapter.validate(listing(weight, "MUG", Map.of()))));
    assertEquals(List.of("options"), fields(adapter.validate(listing(weight, "MUG",
        Map.of("Color", "Red", "Size", "M", "Material", "Glass")))));
    assertEquals(List.of(), adapter.validate(listing(weight, "MUG", Map.of("Color", "Red", "Size", "M"))));
  }

  @Test
  void imagesAreHttpUrlsAndAtMostNine() {
    Listing many = listing(Map.of("package_weight", List.of("0.4")), null, Map.of())
        .withImages(java.util.Collections.nCopies(10, "https://cdn.example.com/a.jpg"));
    Listing ftp = listing(Map.of("package_weight", List.of("0.4")), null, Map.of())
        .withImages(List.of("ftp://cdn.example.com/a.jpg"));

    assertEquals(List.of("imageUrls"), fields(adapter.validate(many)));
    assertEquals("http_url", adapter.validate(ftp).get(0).rule());
  }

  @Test
  void theJobContractIsShopeesAndEveryOperationHasATaggedRatePlan() {
    assertEquals(Channels.SHOPEE, adapter.capabilities().spec());
    assertEquals(50, Channels.SHOPEE.batchLimit(Operation.UPDATE_STOCK).orElseThrow(),
        "update_stock takes 50 models of one item");
    for (Operation op : Channels.SHOPEE.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  private static Listing listing(Map<String, List<String>> attributes, String group, Map<String, String> options) {
    return new Listing("MUG-1", "Red mug", "A red mug that holds 300 ml", "Acme", null, null, Listing.Condition.NEW,
        new BigDecimal("12.50"), "SGD", 3, List.of("https://cdn.example.com/mug.jpg"), "100636", attributes, group,
        options);
  }
}
