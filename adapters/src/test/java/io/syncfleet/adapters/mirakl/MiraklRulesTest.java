package io.syncfleet.adapters.mirakl;

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

/** Mirakl's offer rules and the capabilities the registry gives out for the channel. */
class MiraklRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("mirakl").orElseThrow();

  @Test
  void aMinimalListingIsAValidOffer() {
    assertEquals(List.of(), adapter.validate(Listing.of("SKU-1", "Mug", new BigDecimal("1.00"), "EUR", 0)));
  }

  @Test
  void anOfferNeedsASkuAPriceAQuantityAndACondition() {
    Listing bad = new Listing(" ", null, null, null, null, "12AB", null, BigDecimal.ZERO, "EUR", null,
        List.of(), null, Map.of(), null, Map.of());

    assertEquals(List.of("sku", "condition", "price", "quantity", "gtin"),
        adapter.validate(bad).stream().map(Violation::field).toList());
  }

  @Test
  void longSkusAndLineBreaksAreRefused() {
    Listing longSku = Listing.of("S".repeat(41), "Mug", new BigDecimal("1.00"), "EUR", 1);
    Listing broken = Listing.of("SKU\n1", "Mug", new BigDecimal("1.00"), "EUR", 1);

    assertEquals("max_length", adapter.validate(longSku).get(0).rule());
    assertEquals("format", adapter.validate(broken).get(0).rule());
  }

  @Test
  void theCapabilitiesAreTheJobContractsWithARatePlanForEveryOperation() {
    assertEquals(Channels.MIRAKL, adapter.capabilities().spec());
    assertEquals("mirakl", adapter.channel());
    assertEquals(500, Channels.MIRAKL.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    assertEquals(2000, Channels.MIRAKL.batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(2000, Channels.MIRAKL.batchLimit(Operation.UPDATE_PRICES).orElseThrow());
    assertEquals(500, Channels.MIRAKL.batchLimit(Operation.DELETE_LISTINGS).orElseThrow());
    double offerCallsPerSecond = 0;
    for (Operation op : Operation.values()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[V]"), plan.source());
      if (op.carriesItems()) {
        offerCallsPerSecond += plan.permitsPerSecond();
      }
    }
    // Together the offer operations stay within OF01's "at most once per minute".
    assertTrue(offerCallsPerSecond <= 1.0 / 60 + 1e-9, String.valueOf(offerCallsPerSecond));
  }
}
