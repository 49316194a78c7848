package io.syncfleet.worker;

import static io.syncfleet.worker.EbayFleet.TENANT;
import static io.syncfleet.worker.EbayFleet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.demo.sim.EbaySimOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/** Orders from the simulated eBay to the tenant's stream, read as the merchant's system reads them. */
class SyncEndToEndOrdersTest {
  private static final String GROUP = "merchant-erp";

  private EbayFleet fleet;
  private String stream;

  @BeforeEach
  void setUp() throws Exception {
    fleet = EbayFleet.open();
    stream = fleet.keys.orders(TENANT);
    // The merchant's consumer group exists before the first order, as it would in production.
    fleet.redis.with(j -> j.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true));
  }

  @AfterEach
  void tearDown() {
    fleet.close();
  }

  @Test
  void eachNewOrChangedOrderReachesTheStreamOnce() throws Exception {
    List<EbaySimOrder> seeded = fleet.ebay.seedOrders(5);
    fleet.connect(TENANT);
    fleet.start(Map.of("SYNCFLEET_ORDER_PULL_SECONDS", "1"));

    // The recurring pull, not a request of ours, brings the first orders.
    assertTrue(eventually(10_000, () -> streamLength() == 5), "stream length " + streamLength());
    List<StreamEntry> first = readNew();
    assertEquals(seeded.stream().map(EbaySimOrder::orderId).collect(Collectors.toSet()), orderIds(first));
    assertTrue(first.stream().allMatch(e -> "PAID".equals(e.getFields().get("status"))));
    assertTrue(first.stream().allMatch(e -> "ebay".equals(e.getFields().get("channel"))));
    acknowledge(first);

    // Every later pull sees the newest known order again (the cursor is inclusive); only a change
    // may reach the stream. Each change below is read alone, so no repeat slipped in before it.
    EbaySimOrder shipped = seeded.get(0).shipped(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    fleet.ebay.addOrder(shipped);
    fleet.client.pullOrders(TENANT, "ebay");
    assertTrue(eventually(10_000, () -> streamLength() >= 6));
    List<StreamEntry> change = readNew();
    assertEquals(1, change.size(), "one changed order: " + change);
    assertEquals(shipped.orderId(), change.get(0).getFields().get("orderId"));
    assertEquals("SHIPPED", change.get(0).getFields().get("status"));
    acknowledge(change);

    EbaySimOrder another = seeded.get(3).shipped(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    fleet.ebay.addOrder(another);
    fleet.client.pullOrders(TENANT, "ebay");
    assertTrue(eventually(10_000, () -> streamLength() >= 7));
    List<StreamEntry> next = readNew();
    assertEquals(1, next.size(), "one changed order: " + next);
    assertEquals(another.orderId(), next.get(0).getFields().get("orderId"));
    acknowledge(next);

    assertEquals(7, streamLength());
    assertEquals(List.of(), fleet.redis.with(j -> j.xpending(stream, GROUP, new StreamEntryID(0, 0),
        new StreamEntryID(Long.MAX_VALUE, Long.MAX_VALUE), 100, null)), "all read and acknowledged");
    assertEquals(0, fleet.dead.size());
  }

  private long streamLength() {
    return fleet.redis.with(j -> j.xlen(stream));
  }

  /** What the group has not been given yet, as XREADGROUP ... > answers it. */
  private List<StreamEntry> readNew() {
    List<StreamEntry> out = new ArrayList<>();
    fleet.redis.with(j -> j.xreadGroup(GROUP, "consumer-1", XReadGroupParams.xReadGroupParams().count(100),
        Map.of(stream, StreamEntryID.UNRECEIVED_ENTRY))).forEach(e -> out.addAll(e.getValue()));
    return out;
  }

  private void acknowledge(List<StreamEntry> entries) {
    StreamEntryID[] ids = entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new);
    fleet.redis.with(j -> j.xack(stream, GROUP, ids));
  }

  private static Set<String> orderIds(List<StreamEntry> entries) {
    return entries.stream().map(e -> e.getFields().get("orderId")).collect(Collectors.toSet());
  }
}
