package io.syncfleet.adapters.magento;

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

/** The adapter as the registry serves it: its capabilities and Magento's listing rules. */
class MagentoRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("magento").orElseThrow();

  @Test
  void offersEveryOperationWithARatePlanThatSaysItIsAGuess() {
    assertEquals(Channels.MAGENTO, adapter.capabilities().spec());
    assertEquals(EnumSet.allOf(Operation.class), adapter.capabilities().spec().operations());
    for (Operation op : Operation.values()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  @Test
  void aPlainListingPasses() {
    assertEquals(List.of(), adapter.validate(Listing.of("SKU-1", "Mug", BigDecimal.ONE, "EUR", 1)));
  }

  @Test
  void checksSkuTitlePriceAndCategory() {
    Listing bad = new Listing("X".repeat(65), "", null, null, null, null, Listing.Condition.NEW,
        new BigDecimal("-1"), "EUR", 1, List.of(), "shoes", Map.of(), null, Map.of());

    assertEquals(List.of("sku:max_length", "title:required", "price:required", "categoryId:numeric"), rules(bad));
    assertEquals(List.of("sku:no_slash"), rules(Listing.of("A/B", "Mug", BigDecimal.ONE, "EUR", 1)));
  }

  @Test
  void aVariantNeedsOptionsNamingAttributes() {
    Listing noOptions = Listing.of("TEE-S", "Tee", BigDecimal.ONE, "EUR", 1).asVariant("TEE", Map.of());
    Listing badOption = Listing.of("TEE-S", "Tee", BigDecimal.ONE, "EUR", 1).asVariant("TEE", Map.of("--", "S"));

    assertEquals(List.of("options:required"), rules(noOptions));
    assertEquals(List.of("options:attribute"), rules(badOption));
    assertEquals("shoe_size", MagentoMapper.attributeCode(" Shoe Size "));
  }

  private List<String> rules(Listing l) {
    return adapter.validate(l).stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
