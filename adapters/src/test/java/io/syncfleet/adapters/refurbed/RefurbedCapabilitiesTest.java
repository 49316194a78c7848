package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class RefurbedCapabilitiesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("refurbed").orElseThrow();

  @Test
  void everyOperationRefurbedOffersIsThereWithItsBatchLimit() {
    assertEquals(Channels.REFURBED, adapter.capabilities().spec());
    assertEquals(6, Channels.REFURBED.operations().size());
    for (Operation op : Channels.REFURBED.operations()) {
      if (op.carriesItems()) {
        assertEquals(RefurbedApi.BATCH_LIMIT, Channels.REFURBED.batchLimit(op).orElseThrow(), op.wireName());
      }
    }
  }

  @Test
  void everyOperationHasARatePlanThatSaysItIsUnverified() {
    for (Operation op : Channels.REFURBED.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[U]"), plan.source());
    }
  }
}
