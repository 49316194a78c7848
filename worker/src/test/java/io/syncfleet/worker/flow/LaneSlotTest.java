package io.syncfleet.worker.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The lane script's guarantees, against a real Redis: one slot per SKU, latest wins on retry. */
class LaneSlotTest {
  private static final Lane STOCK = new Lane("acme", "ebay", Operation.UPDATE_STOCK);

  private TestRedis redis;
  private Keys keys;
  private SyncfleetClient client;
  private LaneSlot slots;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    keys = redis.keys();
    client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC(), Duration.ZERO);
    slots = new LaneSlot(keys);
  }

  @AfterEach
  void tearDown() {
    client.close();
    redis.close();
  }

  @Test
  void aSkuInFlightInOneSlotIsNotClaimedByAnotherAndItsRetryYieldsToANewerChange() {
    client.setStock("acme", List.of("ebay"), List.of(new StockLevel("SKU-1", 5, null, 10L)));
    try (Jedis jedis = redis.pool().getResource()) {
      LaneSlot.Step first = slots.claim(jedis, flush(1), 25, Lanes.FLUSHERS);
      assertEquals(List.of("SKU-1"), List.copyOf(first.claimed().keySet()));

      client.setStock("acme", List.of("ebay"), List.of(new StockLevel("SKU-1", 3, null, 20L)));
      LaneSlot.Step second = slots.claim(jedis, flush(2), 25, Lanes.FLUSHERS);
      assertFalse(second.hasWork(), "the newer value waits while the older one is in flight");

      // The send failed: the old value goes back to wait, but the newer one is already waiting.
      Change sent = Change.fromJson(first.claimed().get("SKU-1"), Operation.UPDATE_STOCK);
      slots.settle(jedis, flush(1), List.of(), List.of(new LaneSlot.Back("SKU-1", System.currentTimeMillis(),
          0, sent.failed("HTTP 503").toJson())), List.of());
      LaneSlot.Step third = slots.claim(jedis, flush(2), 25, Lanes.FLUSHERS);
      Change next = Change.fromJson(third.claimed().get("SKU-1"), Operation.UPDATE_STOCK);
      assertEquals(3, ((StockLevel) next.item()).quantity(), "only the newest value is sent next");
      assertEquals(0, next.attempt());
    }
  }

  @Test
  void aBacklogOfFullBatchesAddsFlushersUpToTheConnectionsConcurrency() {
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      levels.add(StockLevel.of("SKU-" + i, i));
    }
    client.setStock("acme", List.of("ebay"), levels);
    String flushers = keys.laneFlushers("acme", "ebay", "update_stock");
    assertEquals((long) Lanes.FLUSHERS, redis.<Long>with(j -> j.scard(flushers)));
    try (Jedis jedis = redis.pool().getResource()) {
      for (int i = 0; i < 6; i++) {
        LaneSlot.Step step = slots.claim(jedis, flush(1), 25, 6);
        assertEquals(25, step.claimed().size());
        slots.settle(jedis, flush(1), List.copyOf(step.claimed().keySet()), List.of(), List.of());
      }
    }
    assertEquals(6L, redis.<Long>with(j -> j.scard(flushers)), "two more, and no more than allowed");
    assertEquals(6L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
  }

  private static FlushJob flush(int slot) {
    return new FlushJob(STOCK, Queue.URGENT, slot, 0);
  }
}
