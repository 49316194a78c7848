package io.syncfleet.adapters.bigcommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter as the registry serves it: its capabilities and BigCommerce's listing rules. */
class BigCommerceRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("bigcommerce").orElseThrow();

  @Test
  void offersEveryOperationWithBigCommercesBatchLimitsAndRatePlans() {
    assertEquals(Channels.BIGCOMMERCE, adapter.capabilities().spec());
    assertEquals(EnumSet.allOf(Operation.class), adapter.capabilities().spec().operations());
    assertEquals(BigCommerceApi.INVENTORY_BATCH, Channels.BIGCOMMERCE.batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(BigCommerceApi.VARIANTS_BATCH, Channels.BIGCOMMERCE.batchLimit(Operation.UPDATE_PRICES).orElseThrow());
    assertTrue(Channels.BIGCOMMERCE.batchLimit(Operation.DELETE_LISTINGS).orElseThrow() <= BigCommerceApi.DELETE_BATCH);
    for (Operation op : Operation.values()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.permitsPerSecond() <= 5, op.wireName());
      assertTrue(plan.source().startsWith("[V] Standard/Plus quota"), plan.source());
    }
  }

  @Test
  void aPlainListingPasses() {
    assertEquals(List.of(), adapter.validate(Listing.of("SKU-1", "Mug", BigDecimal.ONE, "USD", 1)));
  }

  @Test
  void checksIdentifiersNamePriceCategoryGtinAndImages() {
    Listing bad = new Listing("A,B", "N".repeat(251), null, null, null, "12AB", Listing.Condition.NEW, null, "USD", 1,
        List.of("ftp://img.example/1.jpg"), "shoes", Map.of(), null, Map.of());

    assertEquals(List.of("sku:no_comma", "title:max_length", "price:required", "categoryId:numeric", "gtin:digits",
        "imageUrls:absolute_url"), rules(bad));
  }

  @Test
  void aVariantNeedsNamedOptionValues() {
    Listing blank = Listing.of("TEE-S", "Tee", BigDecimal.ONE, "USD", 1).asVariant("TEE", Map.of("Size", " "));

    assertEquals(List.of("options:blank"), rules(blank));
    assertEquals(List.of("options:required"),
        rules(Listing.of("TEE-S", "Tee", BigDecimal.ONE, "USD", 1).asVariant("TEE", Map.of())));
  }

  private List<String> rules(Listing l) {
    return adapter.validate(l).stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
