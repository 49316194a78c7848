package io.syncfleet.adapters.prestashop;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, capabilities, PrestaShop's listing rules and its URL slugs. */
class PrestaShopRulesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("prestashop").orElseThrow();

  @Test
  void isRegisteredWithTheJobContractsSpec() {
    assertEquals(Channels.PRESTASHOP, adapter.capabilities().spec());
    assertEquals(Operation.values().length, Channels.PRESTASHOP.operations().size());
  }

  @Test
  void everyOperationHasARatePlanThatSaysItIsUnverified() {
    for (Operation op : Channels.PRESTASHOP.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  @Test
  void aCompleteListingPasses() {
    assertEquals(List.of(), adapter.validate(Listing.of("MUG-1", "Red mug", new BigDecimal("9.90"), "EUR", 1)));
  }

  @Test
  void reportsEachBrokenRule() {
    Listing bad = new Listing("A|B", "Mug; the best", null, null, "M".repeat(41), "12345678901234",
        Listing.Condition.NEW, null, "EUR", 1, List.of(), "shoes", Map.of(), "G[1]", Map.of());

    assertEquals(List.of("sku:reference", "title:catalog_name", "price:required", "categoryId:prestashop_category_id",
        "gtin:gtin", "mpn:max_length", "group:reference", "options:required"),
        adapter.validate(bad).stream().map(v -> v.field() + ":" + v.rule()).toList());
  }

  @Test
  void titlesBecomeAsciiSlugs() {
    assertEquals("creme-brulee-tasse-0-5-l", PrestaShopMapper.linkRewrite("Crème brûlée – Tasse 0,5 l"));
    assertEquals("product", PrestaShopMapper.linkRewrite("日本"));
  }
}
