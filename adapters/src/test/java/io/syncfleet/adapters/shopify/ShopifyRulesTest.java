package io.syncfleet.adapters.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Capabilities;
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

/** Shopify's listing rules and the capabilities the adapter declares. */
class ShopifyRulesTest {
  private final ShopifyAdapter adapter = new ShopifyAdapter(MarketplaceHttp.create(Clock.systemUTC()));

  private static Listing listing(String title) {
    return Listing.of("SKU-1", title, new BigDecimal("9.99"), "EUR", 1);
  }

  private List<String> rules(Listing listing) {
    return adapter.validate(listing).stream().map(v -> v.field() + ":" + v.rule()).toList();
  }

  @Test
  void aPlainListingPasses() {
    assertEquals(List.of(), adapter.validate(listing("Enamel mug")
        .withImages(List.of("https://cdn.example.com/a.jpg", "http://cdn.example.com/b.png"))
        .asVariant("MUG", Map.of("Color", "Red", "Size", "L", "Material", "Steel"))));
  }

  @Test
  void titleIsRequiredAndAtMost255Characters() {
    assertEquals(List.of("title:required"), rules(listing(" ")));
    assertEquals(List.of(), rules(listing("t".repeat(255))));
    List<Violation> tooLong = adapter.validate(listing("t".repeat(256)));
    assertEquals("max_length", tooLong.get(0).rule());
    assertTrue(tooLong.get(0).message().contains("256"));
  }

  @Test
  void atMostThreeOptions() {
    Listing four = listing("Tee").asVariant("TEE", Map.of("A", "1", "B", "2", "C", "3", "D", "4"));
    assertEquals(List.of("options:max_options"), rules(four));
  }

  @Test
  void imagesMustBeHttpUrls() {
    Listing images = listing("Mug")
        .withImages(List.of("ftp://x.example/a.jpg", "/local/a.jpg", "https://ok.example/a.jpg"));
    assertEquals(List.of("imageUrls:http_url", "imageUrls:http_url"), rules(images));
  }

  @Test
  void skuAtMost255Characters() {
    Listing longSku = Listing.of("s".repeat(256), "Mug", BigDecimal.ONE, "EUR", 1);
    assertEquals(List.of("sku:max_length"), rules(longSku));
  }

  @Test
  void capabilitiesAreTheContractsShopifySpecWithARatePlanPerOperation() {
    Capabilities capabilities = adapter.capabilities();
    assertEquals(Channels.SHOPIFY, capabilities.spec());
    assertEquals(Channels.SHOPIFY.id(), adapter.channel());
    for (Operation op : Channels.SHOPIFY.operations()) {
      RatePlan plan = capabilities.ratePlan(op).orElseThrow(() -> new AssertionError("no rate plan for " + op));
      assertTrue(plan.permitsPerSecond() > 0 && plan.permitsPerSecond() <= 1, op + " " + plan);
      assertTrue(plan.burst() >= 1, op + " " + plan);
      assertTrue(plan.source().contains("[V]") && plan.source().contains("[C]"), plan.source());
    }
  }
}
