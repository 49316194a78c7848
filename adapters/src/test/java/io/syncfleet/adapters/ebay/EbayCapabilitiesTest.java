package io.syncfleet.adapters.ebay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class EbayCapabilitiesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("ebay").orElseThrow();

  @Test
  void theJobContractsBatchLimitsAreEbays() {
    Capabilities capabilities = adapter.capabilities();

    assertEquals(Channels.EBAY, capabilities.spec());
    for (Operation op : Channels.EBAY.operations()) {
      if (op.carriesItems()) {
        assertEquals(EbayApi.BULK_LIMIT, capabilities.spec().batchLimit(op).orElseThrow(), op.wireName());
      }
    }
  }

  @Test
  void everyOperationHasARatePlanThatSaysItIsUnverified() {
    for (Operation op : Channels.EBAY.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }

  @Test
  void validatesWithEbaysRules() {
    Listing noImage = Listing.of("SKU-1", "Mug", new BigDecimal("1.00"), "USD", 1);

    assertEquals(List.of("imageUrls"), adapter.validate(noImage).stream().map(v -> v.field()).toList());
  }
}
