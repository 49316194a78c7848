package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManoManoCapabilitiesTest {
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("manomano").orElseThrow();

  @Test
  void listingsAndDeletesAreNotOffered() {
    assertEquals(Channels.MANOMANO, adapter.capabilities().spec());
    assertFalse(adapter.capabilities().supports(Operation.UPSERT_LISTINGS));
    assertFalse(adapter.capabilities().supports(Operation.DELETE_LISTINGS));
    Connection c = new Connection("acme", "manomano", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);
    assertThrows(UnsupportedOperationException.class, () -> adapter.upsertListings(c,
        List.of(Listing.of("S", "T", BigDecimal.ONE, "EUR", 1))));
  }

  @Test
  void stockAndPricesGoTwentyAtATime() {
    assertEquals(ManoManoApi.OFFER_BATCH, Channels.MANOMANO.batchLimit(Operation.UPDATE_STOCK).orElseThrow());
    assertEquals(ManoManoApi.OFFER_BATCH, Channels.MANOMANO.batchLimit(Operation.UPDATE_PRICES).orElseThrow());
  }

  @Test
  void theRatePlansShareOneCallASecondBetweenThem() {
    double total = 0;
    for (Operation op : Channels.MANOMANO.operations()) {
      RatePlan plan = adapter.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.source().startsWith("[C]"), plan.source());
      total += plan.permitsPerSecond();
    }
    assertEquals(1.0, total, 1e-9);
  }
}
