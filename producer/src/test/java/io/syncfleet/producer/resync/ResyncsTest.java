package io.syncfleet.producer.resync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
import io.syncfleet.producer.state.ResyncsView;
import io.syncfleet.producer.testing.ResyncCounts;
import io.syncfleet.producer.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resync records against a real Redis: claiming channels, refusing duplicates, finishing, taking over. */
class ResyncsTest {
  private TestRedis redis;
  private Keys keys;
  private Resyncs resyncs;
  private ResyncsView view;

  @BeforeEach
  void open() {
    redis = TestRedis.open();
    keys = redis.keys();
    resyncs = new Resyncs(redis.pool(), keys, Clock.systemUTC());
    view = new ResyncsView(redis.pool(), keys, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void startClaimsEveryChannelAndWritesTheRecord() {
    Resyncs.Started started = resyncs.start("acme", List.of("ebay", "shopify", "ebay"), "catalog.jsonl");

    assertEquals(List.of(), started.takenOver());
    assertEquals(started.id(), redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertEquals(started.id(), redis.with(j -> j.get(keys.resyncRunning("acme", "shopify"))));
    Map<String, String> record = redis.with(j -> j.hgetAll(keys.resync(started.id())));
    assertEquals("acme", record.get("tenant"));
    assertEquals("ebay,shopify", record.get("channels"));
    assertEquals("catalog.jsonl", record.get("file"));
    assertEquals("offering", record.get("ebay:state"));
    assertEquals(record.get("startedAt"), record.get("heartbeat"));
    assertEquals(List.of(started.id()), redis.<List<String>>with(j -> new ArrayList<>(j.zrange(keys.resyncs(), 0, -1))));
  }

  @Test
  void aDuplicateIsRefusedWhileRunningAndNamesTheRunningResync() {
    String first = resyncs.start("acme", List.of("ebay", "shopify"), "a.jsonl").id();

    ResyncRunningException offering = assertThrows(ResyncRunningException.class,
        () -> resyncs.start("acme", List.of("shopify", "amazon"), "b.jsonl"));
    assertTrue(offering.getMessage().startsWith("resync " + first + " is still running for acme on shopify"
        + " (offering: 0 offered so far, 0 done, 0 failed, 0 superseded; started "), offering.getMessage());
    assertEquals(1, offering.blockers().size());
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "amazon"))), "a refusal claims nothing");
    assertEquals(1L, redis.<Long>with(j -> j.zcard(keys.resyncs())));

    // Offered and draining: still running until the workers have ended every item.
    assertEquals("draining", resyncs.offered(first, "acme", "ebay", 10));
    ResyncCounts.settle(redis, first, "acme", "ebay", "done", 7);
    ResyncCounts.settle(redis, first, "acme", "ebay", "failed", 1);
    ResyncRunningException draining = assertThrows(ResyncRunningException.class,
        () -> resyncs.start("acme", List.of("ebay"), "c.jsonl"));
    assertTrue(draining.getMessage().contains("resync " + first + " is still running for acme on ebay (draining: 2"
        + " pending of 10, 7 done, 1 failed, 0 superseded; started "), draining.getMessage());

    // Another tenant's channels are its own.
    resyncs.start("globex", List.of("ebay"), "d.jsonl");
  }

  @Test
  void aResyncIsAcceptedOnceTheLastItemOfEachChannelEnded() {
    String first = resyncs.start("acme", List.of("ebay", "shopify"), "a.jsonl").id();
    resyncs.offered(first, "acme", "ebay", 3);
    resyncs.offered(first, "acme", "shopify", 2);
    ResyncCounts.settle(redis, first, "acme", "ebay", "done", 2);
    assertEquals("finished", ResyncCounts.settle(redis, first, "acme", "ebay", "superseded", 1));
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertThrows(ResyncRunningException.class, () -> resyncs.start("acme", List.of("ebay", "shopify"), "b"));

    ResyncCounts.settle(redis, first, "acme", "shopify", "done", 2);
    ResyncView done = view.get(first).orElseThrow();
    assertEquals("finished", done.state());
    assertFalse(done.running());
    assertTrue(done.finishedAt() > 0);

    String second = resyncs.start("acme", List.of("ebay", "shopify"), "b.jsonl").id();
    assertEquals(second, redis.with(j -> j.get(keys.resyncRunning("acme", "shopify"))));
  }

  @Test
  void offeredFinishesAtOnceWhenEveryItemEndedWhileOffering() {
    String id = resyncs.start("acme", List.of("ebay"), "a.jsonl").id();
    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 4);
    ResyncCounts.settle(redis, id, "acme", "ebay", "superseded", 1);
    assertEquals("offering", view.get(id).orElseThrow().channels().get(0).state(), "no total yet, no finish");

    assertEquals("finished", resyncs.offered(id, "acme", "ebay", 5));
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertEquals("finished", resyncs.offered(resyncs.start("acme", List.of("ebay"), "empty").id(), "acme", "ebay", 0));
  }

  @Test
  void aResyncWhoseOfferingProcessDiedIsTakenOver() {
    // Started two minutes ago and silent since: its process died while offering.
    Resyncs earlier = new Resyncs(redis.pool(), keys, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
    String dead = earlier.start("acme", List.of("ebay", "shopify"), "a.jsonl").id();
    assertEquals("stalled", view.get(dead).orElseThrow().state());
    assertFalse(view.get(dead).orElseThrow().running());

    Resyncs.Started next = resyncs.start("acme", List.of("ebay"), "b.jsonl");

    assertEquals(List.of(dead), next.takenOver());
    ResyncView old = view.get(dead).orElseThrow();
    assertEquals(List.of("abandoned", "abandoned"), old.channels().stream().map(ResyncChannelView::state).toList());
    assertTrue(old.error().contains("taken over by " + next.id()), old.error());
    assertEquals(next.id(), redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "shopify"))), "the dead one's other channel is free");
    assertFalse(earlier.heartbeat(dead, Map.of("ebay", 10L)), "the dead one learns it was taken over");
  }

  @Test
  void aLiveHeartbeatKeepsAnOldResyncAlive() {
    Resyncs earlier = new Resyncs(redis.pool(), keys, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
    String id = earlier.start("acme", List.of("ebay"), "a.jsonl").id();
    assertTrue(resyncs.heartbeat(id, Map.of("ebay", 1_500L)));

    assertThrows(ResyncRunningException.class, () -> resyncs.start("acme", List.of("ebay"), "b.jsonl"));
    ResyncChannelView ebay = view.get(id).orElseThrow().channels().get(0);
    assertEquals("offering", ebay.state());
    assertEquals(1_500, ebay.total());
    assertNull(ebay.pending());
  }

  @Test
  void abandonReleasesTheChannelsStillOfferingAndLeavesOfferedOnesDraining() {
    String id = resyncs.start("acme", List.of("ebay", "shopify"), "a.jsonl").id();
    resyncs.heartbeat(id, Map.of("ebay", 500L, "shopify", 500L));
    resyncs.offered(id, "acme", "ebay", 500);

    assertEquals(1, resyncs.abandon(id, "acme", "offering stopped: disk error"));

    ResyncView r = view.get(id).orElseThrow();
    assertEquals("draining", r.channels().get(0).state());
    assertEquals("abandoned", r.channels().get(1).state());
    assertEquals(500, r.channels().get(1).total());
    assertEquals((Long) 500L, r.channels().get(1).pending());
    assertEquals("offering stopped: disk error", r.error());
    assertTrue(r.running(), "ebay still drains");
    assertEquals(id, redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "shopify"))));
    resyncs.start("acme", List.of("shopify"), "b.jsonl");
    assertThrows(IllegalStateException.class, () -> resyncs.offered(id, "acme", "shopify", 500));
  }

  @Test
  void onlyTheNewestHundredRecordsAreKeptButNeverARunningOne() {
    String running = resyncs.start("acme", List.of("ebay"), "long.jsonl").id();
    for (int i = 0; i < Resyncs.KEPT + 20; i++) {
      String id = resyncs.start("acme", List.of("shopify"), "small-" + i).id();
      resyncs.offered(id, "acme", "shopify", 0);
    }
    assertEquals((long) Resyncs.KEPT, redis.<Long>with(j -> j.zcard(keys.resyncs())));
    assertTrue(view.get(running).isPresent(), "the running one stays however old");
    assertTrue(redis.<Boolean>with(j -> j.exists(keys.resync(running))));
    List<ResyncView> recent = view.recent(Resyncs.KEPT);
    assertEquals("small-" + (Resyncs.KEPT + 19), recent.get(0).source());
    assertEquals(running, recent.get(recent.size() - 1).id());
  }

  @Test
  void badTenantsAndChannelsAreRefusedBeforeAnythingIsWritten() {
    InvalidJobException e = assertThrows(InvalidJobException.class,
        () -> resyncs.start("acme corp", List.of("ebay", "etsy"), "a.jsonl"));
    assertEquals(List.of("tenant", "channel"), e.problems().stream().map(p -> p.field()).toList());
    assertEquals(0L, redis.<Long>with(j -> j.zcard(keys.resyncs())));
  }
}
