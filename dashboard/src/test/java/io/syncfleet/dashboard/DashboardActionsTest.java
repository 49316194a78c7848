package io.syncfleet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.testing.TestRedis;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actions ops take from the dashboard, checked in Redis; each test has a namespace of its own. */
class DashboardActionsTest {
  private static final String TOKEN = "actions-test-token-0123456789";

  private TestRedis redis;
  private Keys keys;
  private FleetSeed seed;
  private DashboardServer server;
  private DashboardClient client;

  @BeforeEach
  void start() throws IOException {
    redis = TestRedis.open();
    keys = redis.keys();
    seed = FleetSeed.into(redis);
    server = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, null, null, false));
    client = new DashboardClient(server.address(), DashboardClient.bearer(TOKEN));
  }

  @AfterEach
  void stop() {
    server.close();
    redis.close();
  }

  @Test
  void pausesAndResumesAQueue() {
    assertEquals(200, client.post("/api/queues/default/pause", null).statusCode());
    assertTrue(redis.<Boolean>with(j -> j.sismember(keys.pausedQueues(), "default")));
    assertFalse(DashboardClient.parse(client.post("/api/queues/default/pause", null)).path("changed").asBoolean());

    assertEquals(200, client.post("/api/queues/bulk/resume", null).statusCode());
    assertFalse(redis.<Boolean>with(j -> j.sismember(keys.pausedQueues(), "bulk")));
    assertEquals(404, client.post("/api/queues/nope/pause", null).statusCode());
    assertFalse(redis.<Boolean>with(j -> j.sismember(keys.pausedQueues(), "nope")));
  }

  @Test
  void retryingOneDeadJobPutsItBackOnItsQueueWithAttemptsReset() throws Exception {
    SyncJob buried = JobCodec.decode(deadPayload(FleetSeed.DEAD_STOCK));

    assertEquals(200, client.post("/api/dead/" + FleetSeed.DEAD_STOCK + "/retry", null).statusCode());

    assertNull(redis.with(j -> j.zscore(keys.dead(), FleetSeed.DEAD_STOCK)));
    List<String> urgent = redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1));
    assertEquals(3, urgent.size());
    SyncJob again = JobCodec.decode(urgent.get(2));
    assertEquals(buried.traceId(), again.traceId());
    assertEquals(0, again.attempt());
    assertEquals(404, client.post("/api/dead/" + FleetSeed.DEAD_STOCK + "/retry", null).statusCode());
  }

  @Test
  void aDeadRecordWithoutPayloadCannotBeRetriedButCanBeRemoved() {
    seed.bury(new DeadJob("no-payload", seed.now, "urgent", null, null, null, 1, "lost", null, null, List.of(),
        "w", null));
    assertEquals(409, client.post("/api/dead/no-payload/retry", null).statusCode());
    assertEquals(200, client.post("/api/dead/no-payload/remove", null).statusCode());
    assertEquals(404, client.post("/api/dead/no-payload/remove", null).statusCode());
    assertNull(redis.with(j -> j.hget(keys.deadRecords(), "no-payload")));
  }

  @Test
  void retriesAndRemovesASelection() {
    String retried = client.post("/api/dead/retry",
        "{\"ids\":[\"" + FleetSeed.DEAD_STOCK + "\",\"" + FleetSeed.DEAD_PRICE + "\",\"gone\"]}").body();
    assertEquals("{\"retried\":2}", retried);
    assertEquals(4L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));

    assertEquals("{\"removed\":1}", client.post("/api/dead/remove",
        "{\"ids\":[\"" + FleetSeed.DEAD_UNREADABLE + "\"]}").body());
    assertEquals(0L, redis.<Long>with(j -> j.zcard(keys.dead())));
    assertEquals(1L, redis.<Long>with(j -> j.llen(keys.queue("default"))), "a removed job is not re-queued");
  }

  @Test
  void retriesAllAndRemovesAll() {
    assertEquals("{\"retried\":3}", client.post("/api/dead/retry", "{\"all\":true}").body());
    assertEquals(4L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
    assertEquals(2L, redis.<Long>with(j -> j.llen(keys.queue("default"))));

    seed.bury(new DeadJob("later-1", seed.now, "urgent", null, null, null, 1, "x", null, null, List.of(), "w", "{}"));
    seed.bury(new DeadJob("later-2", seed.now, "urgent", null, null, null, 1, "x", null, null, List.of(), "w", "{}"));
    assertEquals("{\"removed\":2}", client.post("/api/dead/remove", "{\"all\":true}").body());
    assertEquals(0L, redis.<Long>with(j -> j.zcard(keys.dead())));
  }

  @Test
  void bulkActionsNeedAnExplicitSelection() {
    assertEquals(415, client.post("/api/dead/retry", null).statusCode());
    assertEquals(400, client.post("/api/dead/retry", "{}").statusCode());
    assertEquals(400, client.post("/api/dead/remove", "{\"ids\":[]}").statusCode());
    assertEquals(400, client.post("/api/dead/remove", "{\"ids\":[\"a\"],\"all\":true}").statusCode());
    assertEquals(400, client.post("/api/dead/remove", "[\"a\"]").statusCode());
    assertEquals(400, client.post("/api/dead/remove", "not json").statusCode());
    assertEquals(3L, redis.<Long>with(j -> j.zcard(keys.dead())));
  }

  private String deadPayload(String id) throws Exception {
    String record = redis.with(j -> j.hget(keys.deadRecords(), id));
    return Json.MAPPER.readValue(record, DeadJob.class).payload();
  }
}
