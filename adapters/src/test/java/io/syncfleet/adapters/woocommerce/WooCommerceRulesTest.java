package io.syncfleet.adapters.woocommerce;

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

/** Registration, capabilities and WooCommerce's listing rules. */
class WooCommerceRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("woocommerce").orElseThrow();

  @Test
  void isRegisteredWithTheJobContractsSpecAndBatchLimitsWithinWooCommercesOwn() {
    assertEquals(Channels.WOOCOMMERCE, adapter.capabilities().spec());
    for (Operation op : Channels.WOOCOMMERCE.operations()) {
      if (op.carriesItems()) {
        assertTrue(Channels.WOOCOMMERCE.batchLimit(op).orElseThrow() <= WooCommerceApi.BATCH_LIMIT, op.wireName());
      }
    }
    assertEquals(WooCommerceApi.UPSERT_BATCH, Channels.WOOCOMMERCE.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    assertEquals(Operation.values().length, Channels.WOOCOMMERCE.operations().size(), "WooCommerce offers everything");
  }

  @Test
  void everyOperationHasARatePlanThatSaysItIsUnverified() {
    for (Operation op : Channels.WOOCOMMERCE.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  @Test
  void aCompleteListingPasses() {
    Listing ok = Listing.of("SKU-1", "Mug", new BigDecimal("1.00"), "EUR", 1)
        .withImages(List.of("https://cdn.example/a/mug.JPG?v=2"))
        .withDetails("d", "Acme", "15");

    assertEquals(List.of(), adapter.validate(ok));
  }

  @Test
  void reportsEachBrokenRule() {
    Listing bad = new Listing("S".repeat(101), "", null, null, null, "12345", Listing.Condition.NEW,
        new BigDecimal("-1"), "EUR", 1, List.of("ftp://cdn.example/a.jpg", "https://cdn.example/image"), "shoes",
        Map.of(), "G", Map.of());

    assertEquals(List.of("sku:max_length", "title:required", "price:not_negative", "categoryId:woocommerce_category_id",
        "gtin:gtin", "imageUrls:image_url", "imageUrls:image_url", "options:required"),
        adapter.validate(bad).stream().map(v -> v.field() + ":" + v.rule()).toList());
  }

  @Test
  void aListingWithoutSkuIsRefused() {
    List<Violation> violations = adapter.validate(Listing.of(null, "Mug", BigDecimal.ONE, "EUR", 1));

    assertEquals("sku", violations.get(0).field());
  }
}
