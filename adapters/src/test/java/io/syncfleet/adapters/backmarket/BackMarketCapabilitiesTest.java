package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.SkuRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackMarketCapabilitiesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("backmarket").orElseThrow();

  @Test
  void theJobContractsBatchLimitsAreTheAdapters() {
    Capabilities capabilities = adapter.capabilities();

    assertEquals(Channels.BACKMARKET, capabilities.spec());
    assertEquals(BackMarketApi.UPSERT_BATCH, capabilities.spec().batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    assertEquals(BackMarketApi.UPDATE_BATCH, capabilities.spec().batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(BackMarketApi.UPDATE_BATCH, capabilities.spec().batchLimit(Operation.UPDATE_PRICES).orElseThrow());
  }

  @Test
  void deleteIsNotOfferedBecauseBackMarketHasNone() {
    assertFalse(adapter.capabilities().supports(Operation.DELETE_LISTINGS));
    Connection c = new Connection("acme", "backmarket", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);
    assertThrows(UnsupportedOperationException.class, () -> adapter.deleteListings(c, List.of(new SkuRef("S"))));
  }

  @Test
  void everyOperationHasARatePlanSayingWhereItComesFrom() {
    for (Operation op : Channels.BACKMARKET.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[V]"), plan.source());
    }
  }

  @Test
  void theSkuLineSharesStayWithinTheHourlyLimit() {
    double lines = 0;
    for (Operation op : List.of(Operation.UPSERT_LISTINGS, Operation.UPDATE_STOCK, Operation.UPDATE_PRICES)) {
      lines += adapter.capabilities().ratePlan(op).orElseThrow().permitsPerSecond() * 3600
          * adapter.capabilities().spec().batchLimit(op).orElseThrow();
    }
    assertEquals(BackMarketApi.SKU_LINES_PER_HOUR, lines, 0.001);
  }
}
