package io.syncfleet.worker.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RateSettingsTest {
  private static final Capabilities EBAY = new Capabilities(Channels.EBAY,
      Map.of(Operation.UPDATE_STOCK, new RatePlan(2, 4, "declared")));

  @Test
  void theDeclaredPlanAppliesUnlessTheConnectionOverridesIt() {
    RatePlan declared = RateSettings.plan(connection(Map.of()), Operation.UPDATE_STOCK, EBAY).orElseThrow();
    assertEquals(2 * RateSettings.HEADROOM, declared.permitsPerSecond(), 1e-9);
    assertEquals(4, declared.burst());

    RatePlan all = RateSettings.plan(connection(Map.of("rate", "50")), Operation.UPDATE_STOCK, EBAY).orElseThrow();
    assertEquals(50 * RateSettings.HEADROOM, all.permitsPerSecond(), 1e-9);
    assertEquals(50, all.burst(), "a second's worth of burst by default");

    RatePlan one = RateSettings.plan(connection(Map.of("rate", "50", "rate.update_stock", "8/3")),
        Operation.UPDATE_STOCK, EBAY).orElseThrow();
    assertEquals(8 * RateSettings.HEADROOM, one.permitsPerSecond(), 1e-9);
    assertEquals(3, one.burst(), "the operation's own setting wins");

    assertTrue(RateSettings.plan(connection(Map.of()), Operation.UPDATE_PRICES, EBAY).isEmpty(),
        "no plan and no setting: unlimited");
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    for (String bad : new String[] {"fast", "0", "-1", "5/0", "5/x", "1/2/3", "Infinity"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RateSettings.plan(connection(Map.of("rate", bad)), Operation.UPDATE_STOCK, EBAY), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertEquals(OptionalInt.of(3), RateSettings.concurrency(connection(Map.of("concurrency", "3"))));
    assertEquals(OptionalInt.empty(), RateSettings.concurrency(connection(Map.of())));
    assertThrows(IllegalArgumentException.class, () -> RateSettings.concurrency(connection(Map.of("concurrency", "0"))));
  }

  private static Connection connection(Map<String, String> settings) {
    return new Connection("acme", "ebay", Environment.SANDBOX, settings, Secrets.of(Map.of()), 1);
  }
}
