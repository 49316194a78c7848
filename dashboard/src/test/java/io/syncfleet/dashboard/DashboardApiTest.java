package io.syncfleet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every read of the JSON API and /metrics against a seeded namespace; nothing here changes it. */
class DashboardApiTest {
  private static final String TOKEN = "api-test-token-0123456789abcdef";

  private static TestRedis redis;
  private static Keys keys;
  private static DashboardServer server;
  private static DashboardClient client;
  private static FleetSeed seed;

  @BeforeAll
  static void start() throws IOException {
    redis = TestRedis.open();
    keys = redis.keys();
    seed = FleetSeed.into(redis);
    server = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, null, null, false));
    client = new DashboardClient(server.address(), DashboardClient.bearer(TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
    redis.close();
  }

  @Test
  void overviewHasCountersHistoryJobsInFlightQueuesAndWorkers() {
    JsonNode o = client.json("/api/overview?minutes=10");
    assertEquals(keys.namespace(), o.path("namespace").asText());
    assertEquals(1234, o.path("stats").path("processed").asLong());
    assertEquals(3, o.path("stats").path("failed").asLong());
    assertEquals(3, o.path("stats").path("dead").asLong());
    assertEquals(1, o.path("stats").path("scheduled").asLong());
    assertEquals(4, o.path("stats").path("enqueued").asLong());
    JsonNode minutes = o.path("stats").path("minutes");
    assertEquals(10, minutes.size());
    assertEquals(40, minutes.get(9).path("processed").asLong());
    assertEquals(49, minutes.get(0).path("processed").asLong());
    assertEquals(1, o.path("inFlight").asInt());
    assertEquals(8, o.path("threads").asInt());
    assertEquals(1, o.path("liveProcesses").asInt());
    assertEquals(1, o.path("deadProcesses").asInt());
    assertEquals(List.of("urgent", "default", "bulk"), names(o.path("queues")));
    JsonNode urgent = o.path("queues").get(0);
    assertEquals(2, urgent.path("depth").asLong());
    assertTrue(urgent.path("latencyMillis").asLong() >= 89_000, urgent.toString());
    assertTrue(o.path("queues").get(2).path("paused").asBoolean());
    assertEquals(FleetApi.DEFAULT_MINUTES, client.json("/api/overview").path("stats").path("minutes").size());
  }

  @Test
  void queuesShowDepthLatencyAndTheNextJobs() {
    JsonNode queues = client.json("/api/queues").path("queues");
    assertEquals(List.of("urgent", "default", "bulk"), names(queues));
    assertEquals(List.of(2L, 1L, 1L), List.of(queues.get(0).path("depth").asLong(),
        queues.get(1).path("depth").asLong(), queues.get(2).path("depth").asLong()));

    JsonNode peek = client.json("/api/queues/urgent/peek?limit=5");
    assertEquals(2, peek.path("jobs").size());
    JsonNode next = peek.path("jobs").get(0);
    assertEquals("update_stock", next.path("operation").asText());
    assertEquals("acme", next.path("tenant").asText());
    assertEquals("ebay", next.path("channel").asText());
    assertEquals("acme/ebay/update_stock#1", next.path("id").asText(), "a lane's flush job names its lane");

    assertEquals(404, client.get("/api/queues/nope/peek").statusCode());
    assertEquals(400, client.get("/api/queues/urgent/peek?limit=zero").statusCode());
  }

  @Test
  void workersShowWhatEachThreadDoesAndDeadProcessesAsDead() {
    JsonNode w = client.json("/api/workers");
    assertEquals(1, w.path("live").asInt());
    assertEquals(1, w.path("dead").asInt());
    JsonNode live = w.path("processes").get(0);
    assertEquals(FleetSeed.LIVE_PROCESS, live.path("id").asText());
    assertTrue(live.path("alive").asBoolean());
    assertTrue(live.path("heartbeatAgeMillis").asLong() < 30_000);
    JsonNode thread = live.path("threads").get(0);
    assertEquals("processor-3", thread.path("thread").asText());
    assertEquals("update_stock", thread.path("op").asText());
    JsonNode dead = w.path("processes").get(1);
    assertEquals(FleetSeed.DEAD_PROCESS, dead.path("id").asText());
    assertFalse(dead.path("alive").asBoolean());
  }

  @Test
  void scheduledShowsWhatWaitsUntilWhen() {
    JsonNode s = client.json("/api/scheduled");
    assertEquals(1, s.path("total").asInt());
    JsonNode job = s.path("jobs").get(0);
    assertTrue(job.path("dueAt").asLong() > s.path("capturedAt").asLong());
    assertEquals(1, job.path("job").path("attempt").asInt());
    assertEquals("HTTP 503 from the marketplace", job.path("job").path("lastError").asText());
  }

  @Test
  void deadJobsShowReasonMarketplaceErrorAttemptsAndAMaskedPayload() {
    JsonNode d = client.json("/api/dead");
    assertEquals(3, d.path("total").asInt());
    assertEquals(List.of(FleetSeed.DEAD_UNREADABLE, FleetSeed.DEAD_PRICE, FleetSeed.DEAD_STOCK),
        ids(d.path("jobs")));
    JsonNode stock = d.path("jobs").get(2);
    assertEquals("rejected by the marketplace", stock.path("reason").asText());
    assertEquals("25702", stock.path("errorCode").asText());
    assertEquals("SKU SKU-404 does not exist", stock.path("errorMessage").asText());
    assertEquals(2, stock.path("attempts").asInt());
    assertTrue(stock.path("payload").isMissingNode(), "the list leaves payloads out");
    assertEquals("upstream said: refresh_token=" + SecretRedactor.MASK + " is invalid",
        d.path("jobs").get(1).path("errorMessage").asText());

    JsonNode one = client.json("/api/dead/" + FleetSeed.DEAD_STOCK);
    assertTrue(one.path("payload").asText().contains("SKU-404"));
    JsonNode unreadable = client.json("/api/dead/" + FleetSeed.DEAD_UNREADABLE);
    assertTrue(unreadable.path("payload").asText().contains("\"api_key\":\"" + SecretRedactor.MASK + "\""),
        unreadable.path("payload").asText());
    assertEquals(404, client.get("/api/dead/no-such-id").statusCode());
  }

  @Test
  void connectionsShowHealthWithoutSecrets() {
    JsonNode c = client.json("/api/connections").path("connections");
    assertEquals(3, c.size());
    JsonNode ebay = c.get(0);
    assertEquals("acme", ebay.path("tenant").asText());
    assertEquals("healthy", ebay.path("health").asText());
    assertEquals(2, ebay.path("state").path("throttled").asInt());
    assertEquals(List.of("client_id", "client_secret", "refresh_token"), texts(ebay.path("secretNames")));
    JsonNode shopify = c.get(1);
    assertEquals("circuit_open", shopify.path("health").asText());
    assertEquals("HTTP 502 Bad Gateway", shopify.path("state").path("lastError").asText());
    JsonNode globex = c.get(2);
    assertEquals("paused", globex.path("health").asText());
    assertEquals("invalid_grant: the refresh token was revoked", globex.path("state").path("pausedReason").asText());
    assertEquals(SecretRedactor.MASK, globex.path("settings").path("legacy_api_key").asText());
    assertEquals("EBAY_DE", globex.path("settings").path("marketplace_id").asText());
  }

  @Test
  void ordersShowStreamLengthAndConsumerGroupLag() {
    JsonNode streams = client.json("/api/orders").path("streams");
    assertEquals(List.of("acme", "globex"), texts(streams, "tenant"));
    JsonNode acme = streams.get(0);
    assertEquals(keys.orders("acme"), acme.path("stream").asText());
    assertEquals(3, acme.path("length").asInt());
    JsonNode erp = acme.path("groups").get(0);
    assertEquals("erp", erp.path("name").asText());
    assertEquals(1, erp.path("pending").asInt());
    assertEquals(2, erp.path("lag").asInt());
    assertEquals(0, streams.get(1).path("length").asInt());
  }

  @Test
  void resyncsShowEachChannelsProgressNewestFirst() {
    JsonNode r = client.json("/api/resyncs");
    assertEquals(1, r.path("running").asInt());
    assertEquals(List.of(seed.runningResync, seed.finishedResync), ids(r.path("resyncs")));
    JsonNode running = r.path("resyncs").get(0);
    assertEquals("acme", running.path("tenant").asText());
    assertEquals("offering", running.path("state").asText());
    assertTrue(running.path("running").asBoolean());
    assertEquals("catalog.jsonl", running.path("source").asText());
    JsonNode ebay = running.path("channels").get(0);
    assertEquals(List.of("ebay", "draining"), List.of(ebay.path("channel").asText(), ebay.path("state").asText()));
    assertEquals(List.of(100L, 60L, 2L, 3L, 35L), List.of(ebay.path("total").asLong(), ebay.path("done").asLong(),
        ebay.path("failed").asLong(), ebay.path("superseded").asLong(), ebay.path("pending").asLong()));
    JsonNode shopify = running.path("channels").get(1);
    assertEquals("offering", shopify.path("state").asText());
    assertEquals(40, shopify.path("total").asLong());
    assertTrue(shopify.path("pending").isNull());
    JsonNode finished = r.path("resyncs").get(1);
    assertEquals("finished", finished.path("state").asText());
    assertTrue(finished.path("finishedAt").asLong() > 0);

    assertEquals(1, client.json("/api/resyncs?limit=1").path("resyncs").size());
    assertEquals(400, client.get("/api/resyncs?limit=0").statusCode());
  }

  @Test
  void lanesShowTheChangesWaitingPerTenantChannelAndOperation() {
    JsonNode lanes = client.json("/api/lanes").path("lanes");
    JsonNode stock = null;
    for (JsonNode l : lanes) {
      if ("acme".equals(l.path("tenant").asText()) && "ebay".equals(l.path("channel").asText())
          && "update_stock".equals(l.path("operation").asText())) {
        stock = l;
      }
    }
    assertTrue(stock != null, lanes.toString());
    assertEquals(2, stock.path("waiting").asInt());
    assertEquals(0, stock.path("inFlight").asInt());
    assertEquals(2, stock.path("offered").asInt());
    assertEquals(lanes, client.json("/api/overview").path("lanes"));
    assertEquals(1, client.json("/api/overview").path("runningResyncs").asInt());
  }

  @Test
  void metricsExportQueueDepthAndLatencyForPrometheus() {
    String metrics = client.get("/metrics").body();
    assertTrue(metrics.contains("syncfleet_queue_depth{queue=\"urgent\"} 2.0"), metrics);
    assertTrue(metrics.contains("syncfleet_queue_paused{queue=\"bulk\"} 1.0"), metrics);
    assertTrue(metrics.matches("(?s).*syncfleet_queue_latency_seconds\\{queue=\"urgent\"} (9\\d|1\\d\\d)\\.\\d+.*"), metrics);
    assertTrue(metrics.contains("syncfleet_jobs_dead 3.0"), metrics);
    assertTrue(metrics.contains("syncfleet_worker_threads_busy 1.0"), metrics);
  }

  @Test
  void metricsExportRunningResyncsAndLanes() {
    String metrics = client.get("/metrics").body();
    assertTrue(metrics.contains("syncfleet_resync_items{channel=\"ebay\",state=\"done\",tenant=\"acme\"} 60.0"), metrics);
    assertTrue(metrics.contains("syncfleet_resync_items{channel=\"ebay\",state=\"failed\",tenant=\"acme\"} 2.0"), metrics);
    assertTrue(metrics.contains("syncfleet_resync_items{channel=\"ebay\",state=\"pending\",tenant=\"acme\"} 35.0"), metrics);
    assertTrue(metrics.contains("syncfleet_resync_items{channel=\"shopify\",state=\"pending\",tenant=\"acme\"} 40.0"), metrics);
    assertFalse(metrics.contains("tenant=\"globex\""), "a finished resync has no series");
    assertTrue(metrics.contains("syncfleet_lane_waiting{channel=\"ebay\",operation=\"update_stock\",tenant=\"acme\"} 2.0"),
        metrics);
    assertTrue(metrics.contains(
        "syncfleet_lane_coalesced_total{channel=\"ebay\",operation=\"update_stock\",tenant=\"acme\"} 0.0"), metrics);
    assertTrue(metrics.contains("# TYPE syncfleet_lane_coalesced_total counter"), metrics);
  }

  @Test
  void noSeededSecretAppearsInAnyResponse() {
    DashboardClient scan = new DashboardClient(server.address(), DashboardClient.bearer(TOKEN));
    for (String path : List.of("/", "/assets/app.js", "/assets/app.css", "/api/session", "/api/overview",
        "/api/queues", "/api/workers", "/api/scheduled", "/api/dead", "/api/connections", "/api/orders",
        "/api/resyncs", "/metrics")) {
      assertEquals(200, scan.get(path).statusCode(), path);
    }
    for (String queue : names(scan.json("/api/queues").path("queues"))) {
      scan.json("/api/queues/" + queue + "/peek?limit=100");
    }
    for (String id : ids(scan.json("/api/dead").path("jobs"))) {
      scan.json("/api/dead/" + id);
    }
    String everything = String.join("\n", scan.seen());
    for (String secret : FleetSeed.SECRETS) {
      assertFalse(everything.contains(secret), "a response holds the seeded secret " + secret);
    }
  }

  private static List<String> names(JsonNode array) {
    return texts(array, "name");
  }

  private static List<String> ids(JsonNode array) {
    return texts(array, "id");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
