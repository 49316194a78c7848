package io.syncfleet.adapters.lazada;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lazada's listing rules, and the adapter as the registry and the job contract see it. */
class LazadaRulesTest {
  private static final Map<String, List<String>> PACKAGE = Map.of("package_weight", List.of("0.4"),
      "package_length", List.of("10"), "package_width", List.of("8"), "package_height", List.of("12.5"));

  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("lazada").orElseThrow();

  @Test
  void aCompleteListingPasses() {
    assertEquals(List.of(), adapter.validate(listing(PACKAGE, List.of("https://cdn.example.com/a.jpg"))));
  }

  @Test
  void requiredFieldsAndLimits() {
    Listing bare = new Listing("S", "x".repeat(256), "d".repeat(25_001), null, null, null, Listing.Condition.NEW,
        BigDecimal.ZERO, "SGD", -1, List.of(), null, Map.of("package_weight", List.of("0.125")), null, Map.of());

    assertEquals(List.of("title", "description", "price", "quantity", "categoryId", "imageUrls",
        "attributes.package_weight", "attributes.package_length", "attributes.package_width",
        "attributes.package_height"), fields(adapter.validate(bare)));
  }

  @Test
  void imagesAreAtMostEightFromNamedHostsOnStandardPorts() {
    assertEquals(List.of("imageUrls"), fields(adapter.validate(listing(PACKAGE,
        Collections.nCopies(9, "https://cdn.example.com/a.jpg")))));
    assertEquals("http_url", adapter.validate(listing(PACKAGE, List.of("https://cdn.example.com:8443/a.jpg")))
        .get(0).rule());
    assertEquals("host_name", adapter.validate(listing(PACKAGE, List.of("http://192.168.1.9/a.jpg"))).get(0).rule());
  }

  @Test
  void theJobContractIsLazadasAndEveryOperationHasATaggedRatePlan() {
    assertEquals(Channels.LAZADA, adapter.capabilities().spec());
    assertTrue(Channels.LAZADA.batchLimit(Operation.UPDATE_STOCK).orElseThrow()
        <= LazadaApi.RECOMMENDED_SKUS_PER_CALL);
    assertTrue(Channels.LAZADA.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow() <= LazadaApi.MAX_SKUS_PER_CALL);
    assertTrue(Channels.LAZADA.batchLimit(Operation.DELETE_LISTINGS).orElseThrow()
        <= LazadaApi.MAX_REMOVE_PER_CALL);
    for (Operation op : Channels.LAZADA.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[V]") || plan.source().startsWith("[U]"), plan.source());
    }
  }

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  private static Listing listing(Map<String, List<String>> attributes, List<String> images) {
    return new Listing("MUG-1", "Red mug", "<p>A red mug</p>", null, null, null, Listing.Condition.NEW,
        new BigDecimal("12.50"), "SGD", 3, images, "10002019", attributes, null, Map.of());
  }
}
