package io.syncfleet.worker;

import static io.syncfleet.worker.EbayFleet.EBAY;
import static io.syncfleet.worker.EbayFleet.TENANT;
import static io.syncfleet.worker.EbayFleet.eventually;
import static io.syncfleet.worker.EbayFleet.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.producer.ConnectionTestResult;
import io.syncfleet.producer.connection.ConnectionState;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.state.DeadJob;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections through a real worker: refused credentials pause and park, missing ones bury, tests answer. */
class SyncEndToEndConnectionsTest {
  /** The refresh token eBay accepts since the merchant last authorized Syncfleet. */
  private static final String CURRENT_REFRESH = "refresh-after-reauthorization";
  private static final String STALE_REFRESH = "refresh-before-reauthorization";

  private EbayFleet fleet;

  @BeforeEach
  void setUp() throws Exception {
    fleet = EbayFleet.open(new EbaySimulator(EbaySimulator.CLIENT_ID, EbaySimulator.CLIENT_SECRET,
        CURRENT_REFRESH, Clock.systemUTC()));
  }

  @AfterEach
  void tearDown() {
    fleet.close();
  }

  @Test
  void refusedCredentialsPauseTheConnectionAndParkItsJobsUntilNewOnesAreStored() throws Exception {
    connect(TENANT, STALE_REFRESH);
    fleet.start(Map.of());
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-1", "Red mug", "9.99", 5)));
    assertTrue(eventually(10_000, () -> fleet.connections.state(TENANT, "ebay").parkedJobs() == 1),
        fleet::whereabouts);
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-2", "Blue mug", "8.50", 2)));
    String pending = fleet.keys.lanePending(TENANT, "ebay", "upsert_listings");
    assertTrue(eventually(10_000, () -> fleet.redis.with(j -> j.hlen(pending)) == 2), fleet::whereabouts);
    // The lane's one flush job waits with the connection; the changes wait in the lane.
    assertEquals(1, fleet.connections.state(TENANT, "ebay").parkedJobs());

    ConnectionState paused = fleet.connections.state(TENANT, "ebay");
    assertTrue(paused.paused());
    assertTrue(paused.pausedReason().contains("invalid_grant"), paused.pausedReason());
    assertFalse(paused.pausedReason().contains(STALE_REFRESH), "no secret in the reason");
    for (String change : fleet.redis.with(j -> j.hvals(pending))) {
      assertEquals(0, Change.fromJson(change, Operation.UPSERT_LISTINGS).attempt(),
          "waiting for credentials spends no attempt");
    }
    assertEquals(0, fleet.dead.size());
    assertTrue(fleet.ebay.listings().isEmpty());

    // Storing working credentials resumes the connection and releases what was parked.
    connect(TENANT, CURRENT_REFRESH);
    assertTrue(eventually(15_000, () -> publishedCount() == 2),
        () -> "published " + fleet.ebay.listings().keySet() + ", " + fleet.connections.state(TENANT, "ebay")
            + ", parked " + fleet.redis.with(j -> j.lrange(fleet.keys.parked(TENANT, "ebay"), 0, -1)));
    ConnectionState resumed = fleet.connections.state(TENANT, "ebay");
    assertFalse(resumed.paused());
    assertEquals(0, resumed.parkedJobs());
    assertEquals(0, fleet.dead.size());
  }

  @Test
  void aRevokedAccessTokenIsRenewedWithoutPausingTheConnection() throws Exception {
    connect(TENANT, CURRENT_REFRESH);
    fleet.start(Map.of());
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-1", "Red mug", "9.99", 5)));
    assertTrue(eventually(10_000, () -> publishedCount() == 1));

    fleet.ebay.revokeTokens();
    fleet.client.upsertListings(TENANT, EBAY, List.of(listing("MUG-2", "Blue mug", "8.50", 2)));

    assertTrue(eventually(10_000, () -> publishedCount() == 2), fleet::whereabouts);
    assertEquals(2, fleet.ebay.tokensMinted(), "one token, then one more after the revocation");
    assertFalse(fleet.connections.state(TENANT, "ebay").paused());
    assertEquals(0, fleet.dead.size());
  }

  @Test
  void jobsForAMissingConnectionOrAnUnknownChannelAreDeadWithTheReason() throws Exception {
    connect(TENANT, CURRENT_REFRESH);
    fleet.start(Map.of());
    fleet.client.setStock("nobody", EBAY, List.of(StockLevel.of("MUG-1", 1)));
    // The client refuses an unknown channel, so this one comes from a producer that skipped it.
    SyncJob stray = SyncJob.create(TENANT, "nope", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("MUG-2", 1)), System.currentTimeMillis());
    fleet.push("urgent", JobCodec.encode(stray));

    assertTrue(eventually(10_000, () -> fleet.dead.size() == 2), fleet::whereabouts);
    DeadJob noConnection = deadFor("ebay");
    assertEquals("nobody", noConnection.tenant());
    assertTrue(noConnection.reason().contains("no connection for nobody/ebay"), noConnection.reason());
    assertEquals(List.of("MUG-1"), skus(noConnection));
    DeadJob noChannel = deadFor("nope");
    assertEquals(TENANT, noChannel.tenant());
    assertTrue(noChannel.reason().startsWith("invalid job: channel: unknown channel 'nope'"), noChannel.reason());
    assertEquals(List.of("MUG-2"), skus(noChannel));
    assertEquals(2, fleet.counter(fleet.keys.failed()));
    assertTrue(eventually(5_000, fleet::idle));
  }

  @Test
  void aConnectionTestIsAnsweredByTheRunningWorker() throws Exception {
    connect(TENANT, CURRENT_REFRESH);
    connect("globex", STALE_REFRESH);
    fleet.start(Map.of());

    ConnectionTestResult works = fleet.client.testConnection(TENANT, "ebay", Duration.ofSeconds(10));
    assertTrue(works.answered(), works.message());
    assertTrue(works.ok(), works.message());

    ConnectionTestResult refused = fleet.client.testConnection("globex", "ebay", Duration.ofSeconds(10));
    assertTrue(refused.answered(), refused.message());
    assertFalse(refused.ok());
    assertTrue(refused.message().contains("invalid_grant"), refused.message());
    assertFalse(fleet.connections.state("globex", "ebay").paused(), "a test reports; it pauses nothing");
  }

  private void connect(String tenant, String refreshToken) {
    fleet.connect(tenant, fleet.ebay.baseUrl(), refreshToken);
  }

  private DeadJob deadFor(String channel) {
    return fleet.deadJobs().stream().filter(d -> channel.equals(d.channel())).findFirst().orElseThrow();
  }

  private static List<String> skus(DeadJob record) throws Exception {
    return EbayFleet.payload(record).items().stream().map(Item::sku).toList();
  }

  private long publishedCount() {
    return fleet.ebay.listings().values().stream().filter(EbaySimListing::published).count();
  }
}
