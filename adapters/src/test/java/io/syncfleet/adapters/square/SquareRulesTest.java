package io.syncfleet.adapters.square;

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

/** The adapter as the registry serves it: its capabilities and Square's listing rules. */
class SquareRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("square").orElseThrow();

  @Test
  void offersEveryOperationWithinSquaresLimitsWithRatePlansThatSayTheyAreGuesses() {
    assertEquals(Channels.SQUARE, adapter.capabilities().spec());
    assertEquals(EnumSet.allOf(Operation.class), adapter.capabilities().spec().operations());
    assertEquals(SquareApi.INVENTORY_BATCH, Channels.SQUARE.batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(SquareApi.DELETE_IDS, Channels.SQUARE.batchLimit(Operation.DELETE_LISTINGS).orElseThrow());
    assertTrue(2 * Channels.SQUARE.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow() <= SquareApi.OBJECTS_PER_REQUEST);
    assertTrue(Channels.SQUARE.batchLimit(Operation.UPDATE_PRICES).orElseThrow() <= SquareApi.SEARCH_VALUES);
    for (Operation op : Operation.values()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  @Test
  void aPlainListingPasses() {
    assertEquals(List.of(), adapter.validate(Listing.of("SKU-1", "Mug", new BigDecimal("9.99"), "USD", 1)));
    assertEquals(List.of(), adapter.validate(Listing.of("SKU-1", "Mug", new BigDecimal("990"), "JPY", 1)));
  }

  @Test
  void checksNamePriceCurrencyAndUpc() {
    Listing bad = new Listing(" ", "", null, null, null, "123", Listing.Condition.NEW, new BigDecimal("1.5"), "JPY", 1,
        List.of(), null, Map.of(), null, Map.of());

    assertEquals(List.of("sku:required", "title:required", "price:minor_units", "gtin:upc"), rules(bad));
    assertEquals(List.of("currency:iso4217"), rules(Listing.of("SKU-1", "Mug", BigDecimal.ONE, "EURO", 1)));
  }

  @Test
  void aVariantNeedsOptionsAndAShortEnoughName() {
    Listing longName = Listing.of("TEE-S", "Tee", BigDecimal.ONE, "USD", 1).asVariant("TEE", Map.of("Size", "S".repeat(256)));

    assertEquals(List.of("options:max_length"), rules(longName));
    assertEquals(List.of("options:required"),
        rules(Listing.of("TEE-S", "Tee", BigDecimal.ONE, "USD", 1).asVariant("TEE", Map.of())));
  }

  private List<String> rules(Listing l) {
    return adapter.validate(l).stream().map(v -> v.field() + ":" + v.rule()).toList();
  }
}
