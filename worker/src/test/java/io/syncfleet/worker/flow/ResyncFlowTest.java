package io.syncfleet.worker.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.resync.ResyncRunningException;
import io.syncfleet.producer.resync.Resyncs;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncsView;
import io.syncfleet.producer.testing.TestRedis;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A resync record counted by the workers' own lane script: items offered with the resync id are
 * claimed and settled through {@link LaneSlot}, and the record finishes (releasing its channel) when
 * the last item ends, whether it ended while offering or after.
 */
class ResyncFlowTest {
  private static final Lane EBAY = new Lane("acme", "ebay", Operation.UPSERT_LISTINGS);
  private static final FlushJob FLUSH = new FlushJob(EBAY, Queue.BULK, 1, 0);

  private TestRedis redis;
  private Keys keys;
  private SyncfleetClient client;
  private Resyncs resyncs;
  private ResyncsView view;
  private LaneSlot slot;

  @BeforeEach
  void open() {
    redis = TestRedis.open();
    keys = redis.keys();
    client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC());
    resyncs = new Resyncs(redis.pool(), keys, Clock.systemUTC());
    view = new ResyncsView(redis.pool(), keys, Clock.systemUTC());
    slot = new LaneSlot(keys);
  }

  @AfterEach
  void close() {
    client.close();
    redis.close();
  }

  private static List<Listing> listings(int from, int to) {
    List<Listing> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(Listing.of("SKU-" + i, "Thing " + i, new BigDecimal("9.99"), "EUR", i % 5));
    }
    return out;
  }

  private ResyncChannelView ebay(String id) {
    return view.get(id).orElseThrow().channels().get(0);
  }

  @Test
  void theLaneScriptCountsEveryItemAndFinishesTheChannelWithTheLastOne() {
    String id = resyncs.start("acme", List.of("ebay"), "catalog.jsonl").id();
    client.offer("acme", List.of("ebay"), Operation.UPSERT_LISTINGS, Queue.BULK, listings(0, 60), id);

    try (Jedis jedis = redis.pool().getResource()) {
      // A batch sent while the rest of the file is still being offered.
      LaneSlot.Step first = slot.claim(jedis, FLUSH, 25, Lanes.FLUSHERS);
      assertEquals(25, first.claimed().size());
      slot.settle(jedis, FLUSH, new ArrayList<>(first.claimed().keySet()), List.of(), List.of());
      assertEquals("offering", ebay(id).state(), "no total yet: not finished however much has ended");

      client.offer("acme", List.of("ebay"), Operation.UPSERT_LISTINGS, Queue.BULK, listings(60, 100), id);
      assertEquals("draining", resyncs.offered(id, "acme", "ebay", 100));
      // The merchant edits a listing that still waits: the newer change replaces the resync's.
      client.upsertListings("acme", List.of("ebay"), listings(99, 100));
      assertEquals(1, ebay(id).superseded());

      int dead = 0;
      for (LaneSlot.Step step = slot.claim(jedis, FLUSH, 25, Lanes.FLUSHERS); step.hasWork(); step = slot.claim(jedis, FLUSH, 25, Lanes.FLUSHERS)) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String sku : step.claimed().keySet()) {
          (sku.equals("SKU-70") || sku.equals("SKU-71") ? failed : done).add(sku);
        }
        dead += failed.size();
        slot.settle(jedis, FLUSH, done, List.of(), failed);
      }
      assertEquals(2, dead);
    }

    ResyncChannelView finished = ebay(id);
    assertEquals("finished", finished.state());
    assertEquals(List.of(100L, 97L, 2L, 1L, 0L), List.of(finished.total(), finished.done(), finished.failed(),
        finished.superseded(), finished.pending()));
    assertTrue(finished.finishedAt() > 0);
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    resyncs.start("acme", List.of("ebay"), "again.jsonl");
  }

  @Test
  void aRetryThatYieldsToANewerChangeCountsAsSupersededAndARunningResyncRefusesADuplicate() {
    String id = resyncs.start("acme", List.of("ebay"), "catalog.jsonl").id();
    client.offer("acme", List.of("ebay"), Operation.UPSERT_LISTINGS, Queue.BULK, listings(0, 2), id);
    resyncs.offered(id, "acme", "ebay", 2);

    try (Jedis jedis = redis.pool().getResource()) {
      LaneSlot.Step step = slot.claim(jedis, FLUSH, 25, Lanes.FLUSHERS);
      assertEquals(2, step.claimed().size());
      // While SKU-1 is being sent, a newer change for it arrives; SKU-1's send then fails passingly.
      client.upsertListings("acme", List.of("ebay"), listings(1, 2));
      Assertions.assertThrows(ResyncRunningException.class, () -> resyncs.start("acme", List.of("ebay"), "dup"));
      slot.settle(jedis, FLUSH, List.of("SKU-0"),
          List.of(new LaneSlot.Back("SKU-1", System.currentTimeMillis(), 2, step.claimed().get("SKU-1"))), List.of());
    }

    ResyncChannelView c = ebay(id);
    assertEquals(List.of("finished", 1L, 0L, 1L), List.of(c.state(), c.done(), c.failed(), c.superseded()));
    assertFalse(view.get(id).orElseThrow().running());
  }
}
