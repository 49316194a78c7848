package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

/** Order streams and consumer-group lag, seeded the way order pulls append and merchants read. */
class OrderStreamsTest {
  private TestRedis redis;
  private Keys keys;
  private OrderStreams streams;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    keys = redis.keys();
    streams = new OrderStreams(redis.pool(), keys);
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void listsTenantsWithConnectionsOrCursorsEvenBeforeTheirFirstOrder() {
    redis.with(j -> {
      j.hset(keys.connections(), "acme/ebay", "{}");
      j.hset(keys.connections(), "acme/shopify", "{}");
      j.hset(keys.orderCursors(), "globex/ebay", "{}");
      return null;
    });
    List<OrderStreamView> all = streams.all();
    assertEquals(List.of("acme", "globex"), all.stream().map(OrderStreamView::tenant).toList());
    OrderStreamView empty = all.get(0);
    assertEquals(keys.orders("acme"), empty.stream());
    assertEquals(0, empty.length());
    assertNull(empty.lastEntryId());
    assertTrue(empty.groups().isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked") // xreadGroup's varargs of Map.Entry
  void reportsLengthNewestEntryAndEachGroupsLag() {
    String key = keys.orders("acme");
    redis.with(j -> {
      for (int i = 1; i <= 5; i++) {
        j.xadd(key, new StreamEntryID(1_000L * i, 0), Map.of("order", "o-" + i));
      }
      j.xgroupCreate(key, "erp", new StreamEntryID(0, 0), false);
      j.xgroupCreate(key, "idle", new StreamEntryID(0, 0), false);
      j.xreadGroup("erp", "erp-1", 2, 0, false, Map.entry(key, StreamEntryID.UNRECEIVED_ENTRY));
      return null;
    });

    OrderStreamView view = streams.get("acme");
    assertEquals(5, view.length());
    assertEquals("5000-0", view.lastEntryId());
    assertEquals(5_000, view.lastEntryAt());
    assertEquals(List.of(new ConsumerGroupView("erp", 1, 2, "2000-0", 3, true),
        new ConsumerGroupView("idle", 0, 0, "0-0", 5, true)), view.groups());
  }

  @Test
  void countsTheLagItselfWhenRedisCannotTellAfterDeletions() {
    String key = keys.orders("acme");
    redis.with(j -> {
      for (int i = 1; i <= 4; i++) {
        j.xadd(key, new StreamEntryID(1_000L * i, 0), Map.of("order", "o-" + i));
      }
      j.xgroupCreate(key, "erp", new StreamEntryID(1_000, 0), false);
      j.xdel(key, new StreamEntryID(3_000, 0));
      return null;
    });
    ConsumerGroupView erp = streams.get("acme").groups().get(0);
    assertEquals(2, erp.lag());
    assertTrue(erp.lagExact());
  }
}
