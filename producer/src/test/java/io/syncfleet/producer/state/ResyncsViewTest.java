package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.resync.Resyncs;
import io.syncfleet.producer.testing.ResyncCounts;
import io.syncfleet.producer.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resync read model over records written by the resync scripts and counted as the workers do. */
class ResyncsViewTest {
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
  void showsEachChannelsProgressFromOfferingToFinished() {
    String id = resyncs.start("acme", List.of("ebay", "shopify"), "catalog.jsonl").id();
    resyncs.heartbeat(id, Map.of("ebay", 1_000L, "shopify", 1_000L));
    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 40);

    ResyncView offering = view.get(id).orElseThrow();
    assertEquals("offering", offering.state());
    assertTrue(offering.running());
    assertEquals("acme", offering.tenant());
    assertEquals("catalog.jsonl", offering.source());
    ResyncChannelView ebay = offering.channels().get(0);
    assertEquals(List.of("ebay", "offering", 1_000L, 40L), List.of(ebay.channel(), ebay.state(), ebay.total(), ebay.done()));
    assertNull(ebay.pending(), "no pending count before the total is known");
    assertEquals(960, ebay.outstanding());

    resyncs.offered(id, "acme", "ebay", 2_500);
    resyncs.offered(id, "acme", "shopify", 2_500);
    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 2_000);
    ResyncCounts.settle(redis, id, "acme", "ebay", "failed", 3);
    ResyncCounts.settle(redis, id, "acme", "ebay", "superseded", 7);
    ResyncChannelView draining = view.get(id).orElseThrow().channels().get(0);
    assertEquals("draining", draining.state());
    assertEquals(List.of(2_500L, 2_040L, 3L, 7L, 450L), List.of(draining.total(), draining.done(), draining.failed(),
        draining.superseded(), draining.pending()));
    assertEquals(0, draining.finishedAt());

    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 450);
    ResyncCounts.settle(redis, id, "acme", "shopify", "done", 2_500);
    ResyncView finished = view.get(id).orElseThrow();
    assertEquals("finished", finished.state());
    assertFalse(finished.running());
    assertEquals((Long) 0L, finished.channels().get(0).pending());
    assertTrue(finished.finishedAt() >= finished.startedAt());
    assertEquals(finished.finishedAt(), Math.max(finished.channels().get(0).finishedAt(),
        finished.channels().get(1).finishedAt()));
  }

  @Test
  void aDrainingChannelWhoseItemsAllEndedShowsAsFinished() {
    String id = resyncs.start("acme", List.of("ebay"), "a").id();
    resyncs.offered(id, "acme", "ebay", 3);
    // The last item was replaced by a newer offer, which counts it without finishing the channel.
    redis.with(j -> j.hincrBy(keys.resync(id), "ebay:superseded", 3));
    assertEquals("finished", view.get(id).orElseThrow().state());
    assertFalse(view.get(id).orElseThrow().running());
  }

  @Test
  void runningResyncsAreListedHoweverOldThenTheNewestOthers() {
    String oldRunning = resyncs.start("acme", List.of("ebay"), "big").id();
    for (int i = 0; i < 5; i++) {
      String id = resyncs.start("acme", List.of("shopify"), "small-" + i).id();
      resyncs.offered(id, "acme", "shopify", 0);
    }
    List<ResyncView> shown = view.runningAndRecent(3);
    assertEquals(List.of("small-4", "small-3", "big"), shown.stream().map(ResyncView::source).toList());
    assertEquals(List.of(oldRunning), view.running().stream().map(ResyncView::id).toList());
    assertEquals(6, view.recent(50).size());
    assertTrue(view.get("no-such-resync").isEmpty());
  }

  @Test
  void anOfferingResyncWithoutARecentHeartbeatShowsAsStalled() {
    Resyncs earlier = new Resyncs(redis.pool(), keys, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-61)));
    String id = earlier.start("acme", List.of("ebay"), "a").id();
    ResyncView r = view.get(id).orElseThrow();
    assertEquals("stalled", r.state());
    assertEquals("stalled", r.channels().get(0).state());
    assertFalse(r.running());
  }

  @Test
  void fleetStatusCarriesResyncsAndTheStatusJsonShowsThem() throws Exception {
    String id = resyncs.start("acme", List.of("ebay"), "a").id();
    resyncs.offered(id, "acme", "ebay", 10);
    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 4);

    FleetStatus status = FleetStatus.capture(redis.pool(), keys, Clock.systemUTC(), 0);
    assertEquals(List.of(id), status.resyncs().stream().map(ResyncView::id).toList());
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(status));
    JsonNode ebay = json.path("resyncs").path(0).path("channels").path(0);
    assertEquals("draining", ebay.path("state").asText());
    assertEquals(6, ebay.path("pending").asLong());
    assertTrue(json.path("resyncs").path(0).path("running").asBoolean());
  }
}
