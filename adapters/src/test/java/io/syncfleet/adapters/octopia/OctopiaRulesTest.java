package io.syncfleet.adapters.octopia;

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

/** Octopia's offer rules and the capabilities the registry gives out for the channel. */
class OctopiaRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("octopia").orElseThrow();

  @Test
  void anOfferNeedsItsProductsGtinAKnownConditionAPriceAndAQuantity() {
    Listing bad = new Listing("S".repeat(51), null, null, null, null, "ABC", Listing.Condition.FOR_PARTS,
        null, "EUR", -1, List.of(), null, Map.of(), null, Map.of());

    assertEquals(List.of("sku", "gtin", "condition", "price", "quantity"),
        adapter.validate(bad).stream().map(Violation::field).toList());
  }

  @Test
  void aListingWithAGtinIsAValidOffer() {
    Listing ok = new Listing("SKU-1", "Mug", null, null, null, "3760452700039", Listing.Condition.NEW,
        new BigDecimal("1.00"), "EUR", 0, List.of(), null, Map.of(), null, Map.of());

    assertEquals(List.of(), adapter.validate(ok));
  }

  @Test
  void theCapabilitiesAreTheJobContractsWithAnUnverifiedRatePlanForEveryOperation() {
    assertEquals(Channels.OCTOPIA, adapter.capabilities().spec());
    assertEquals("octopia", adapter.channel());
    assertEquals(500, Channels.OCTOPIA.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    assertEquals(1000, Channels.OCTOPIA.batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(1000, Channels.OCTOPIA.batchLimit(Operation.UPDATE_PRICES).orElseThrow());
    assertEquals(500, Channels.OCTOPIA.batchLimit(Operation.DELETE_LISTINGS).orElseThrow());
    for (Operation op : Operation.values()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }
}
