package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class MetaCapabilitiesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("meta").orElseThrow();

  @Test
  void theJobContractsBatchLimitsAreTheAdapters() {
    assertEquals(Channels.META, adapter.capabilities().spec());
    assertEquals(MetaApi.LISTINGS_BATCH, Channels.META.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    for (Operation op : new Operation[] {Operation.UPDATE_STOCK, Operation.UPDATE_PRICES, Operation.DELETE_LISTINGS}) {
      assertEquals(MetaApi.UPDATES_BATCH, Channels.META.batchLimit(op).orElseThrow(), op.wireName());
    }
    assertTrue(MetaApi.UPDATES_BATCH <= MetaApi.MAX_REQUESTS);
  }

  @Test
  void ordersAreNotPulled() {
    assertFalse(adapter.capabilities().supports(Operation.PULL_ORDERS));
    assertThrows(UnsupportedOperationException.class, () -> adapter.fetchOrders(null, OrderCursor.START));
  }

  @Test
  void everyOperationHasARatePlanNamingItsSource() {
    double batchCallsPerMinute = 0;
    for (Operation op : Channels.META.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[V]"), plan.source());
      if (op.carriesItems()) {
        batchCallsPerMinute += plan.permitsPerSecond() * 60;
      }
    }
    // The item operations share one Catalog Batch budget: together they stay within its floor.
    assertEquals(8, batchCallsPerMinute, 1e-9);
  }
}
