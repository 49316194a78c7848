package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listings go as a catalog file; the task's report is read on the next attempt, not the file sent again. */
class BackMarketUpsertTest {
  private static final String HEADER =
      "\"sku\";\"product_id\";\"ean\";\"quantity\";\"price\";\"state\";\"warranty_delay\"";

  @RegisterExtension
  final BackMarketFixture bm = new BackMarketFixture();
  private final Connection connection = bm.connection();

  @Test
  void sendsValidListingsAsOneCatalogFileAndWaitsForTheTask() {
    bm.reply(200, "{\"bodymessage\":4312,\"statuscode\":200}");

    BatchResult result = bm.adapter.upsertListings(connection, List.of(
        phone("IPH-1", "0194252035671", "EXCELLENT"), phone("IPH-2", null, "GOOD"),
        Listing.of("MUG", "Mug", new BigDecimal("5.00"), "EUR", 1).withDetails(null, null, null)));

    RecordedRequest r = bm.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/ws/listings", r.getPath());
    JsonNode body = BackMarketFixture.body(r);
    assertEquals(HEADER + "\n\"IPH-1\";\"\";\"0194252035671\";\"3\";\"199.90\";\"0\";\"12\"",
        body.path("catalog").asText());
    assertEquals("\"", body.path("quotechar").asText());
    assertEquals(";", body.path("delimiter").asText());
    assertEquals("utf-8", body.path("encoding").asText());
    assertEquals(1, bm.server.getRequestCount(), "one file for the whole batch");

    ItemOutcome first = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.RETRY, first.status());
    assertEquals(BackMarketAdapter.TASK_PENDING, first.code());
    assertEquals(Duration.ofMinutes(5), first.retryAfter());
    assertTrue(first.message().contains("4312"));
    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(1).status(), "no EAN, no product id");
    assertEquals(BackMarketAdapter.INVALID_LISTING, result.outcomes().get(1).code());
    assertTrue(result.outcomes().get(1).message().startsWith("gtin:"));
    assertTrue(result.outcomes().get(2).message().contains("condition: "), "a new mug has no grade");
  }

  @Test
  void theNextAttemptReadsThePendingTaskInsteadOfSendingTheFileAgain() {
    Listing listing = phone("IPH-1", "0194252035671", "EXCELLENT");
    bm.reply(200, "{\"bodymessage\":4312,\"statuscode\":200}");
    bm.reply(200, "{\"task_id\":4312,\"action_status\":2,\"last_action_error\":null,\"result\":{},\"statuscode\":200}");
    bm.reply(200, "{\"task_id\":4312,\"action_status\":9,\"last_action_error\":null,\"result\":{},\"statuscode\":200}");

    bm.adapter.upsertListings(connection, List.of(listing));
    BatchResult stillRunning = bm.adapter.upsertListings(connection, List.of(listing));
    BatchResult finished = bm.adapter.upsertListings(connection, List.of(listing));

    assertEquals("/ws/listings", bm.take().getPath());
    RecordedRequest poll = bm.take();
    assertEquals("GET", poll.getMethod());
    assertEquals("/ws/tasks/4312", poll.getPath());
    assertEquals("/ws/tasks/4312", bm.take().getPath());
    assertEquals(BackMarketAdapter.TASK_PENDING, stillRunning.outcomes().get(0).code());
    assertEquals(Duration.ofMinutes(5), stillRunning.outcomes().get(0).retryAfter());
    assertEquals(List.of(ItemOutcome.done("IPH-1")), finished.outcomes());
    assertEquals(3, bm.server.getRequestCount());
  }

  @Test
  void aFinishedTaskReportsEachRefusedSkuWithBackMarketsCodeAndMessage() {
    List<Listing> listings = List.of(phone("IPH-1", "0194252035671", "EXCELLENT"),
        phone("iph-2", "0194252035688", "FAIR"), phone("IPH-3", "0194252035695", "GOOD"));
    bm.reply(200, "{\"bodymessage\":77,\"statuscode\":200}");
    bm.reply(200, """
        {"task_id":77,"action_status":9,"last_action_error":null,"statuscode":200,
         "result":{"IPH-1":{"status":"created"},
                   "IPH-2":{"errors":[{"code":"product_not_found","message":"No product matches EAN 0194252035688"}]},
                   "IPH-3":{"errors":["Price is above the maximum price"]}}}""");

    bm.adapter.upsertListings(connection, listings);
    BatchResult result = bm.adapter.upsertListings(connection, listings);

    assertEquals(List.of(ItemOutcome.done("IPH-1"),
        ItemOutcome.failed("iph-2", "product_not_found", "No product matches EAN 0194252035688"),
        ItemOutcome.failed("IPH-3", BackMarketAdapter.TASK_REFUSED, "Price is above the maximum price")),
        result.outcomes());
  }

  @Test
  void aChangedListingIsSentAgainRatherThanWaitingForTheOldTask() {
    bm.reply(200, "{\"bodymessage\":1,\"statuscode\":200}");
    bm.reply(200, "{\"bodymessage\":2,\"statuscode\":200}");

    bm.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "EXCELLENT")));
    BatchResult result = bm.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "GOOD")));

    assertEquals("/ws/listings", bm.take().getPath());
    RecordedRequest second = bm.take();
    assertEquals("/ws/listings", second.getPath());
    assertTrue(BackMarketFixture.body(second).path("catalog").asText().endsWith("\"2\";\"12\""), "grade GOOD is 2");
    assertTrue(result.outcomes().get(0).message().contains("task 2"));
  }

  @Test
  void aTaskThatFailedAsAWholeIsSentAgainAtOnce() {
    Listing listing = phone("IPH-1", "0194252035671", "EXCELLENT");
    bm.reply(200, "{\"bodymessage\":5,\"statuscode\":200}");
    bm.reply(200, "{\"task_id\":5,\"action_status\":8,\"last_action_error\":\"Task has been interrupted.\","
        + "\"result\":{},\"statuscode\":200}");
    bm.reply(200, "{\"bodymessage\":6,\"statuscode\":200}");

    bm.adapter.upsertListings(connection, List.of(listing));
    BatchResult result = bm.adapter.upsertListings(connection, List.of(listing));

    assertEquals("/ws/listings", bm.take().getPath());
    assertEquals("/ws/tasks/5", bm.take().getPath());
    assertEquals("/ws/listings", bm.take().getPath());
    assertTrue(result.outcomes().get(0).message().contains("task 6"));
  }

  @Test
  void aTaskBackMarketNoLongerKnowsIsSentAgain() {
    Listing listing = phone("IPH-1", "0194252035671", "EXCELLENT");
    bm.reply(200, "{\"bodymessage\":5,\"statuscode\":200}");
    bm.reply(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Task does not exist\"}}");
    bm.reply(200, "{\"bodymessage\":9,\"statuscode\":200}");

    bm.adapter.upsertListings(connection, List.of(listing));
    BatchResult result = bm.adapter.upsertListings(connection, List.of(listing));

    assertEquals(3, bm.server.getRequestCount());
    assertTrue(result.outcomes().get(0).message().contains("task 9"));
  }

  @Test
  void theHourlySkuLineLimitThrottlesTheListingsWithBackMarketsWait() {
    bm.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "600")
        .setBody("{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Too many SKU lines\"}}"));

    BatchResult result = bm.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "GOOD")));

    ItemOutcome o = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.THROTTLED, o.status());
    assertEquals("too_many_requests", o.code());
    assertEquals(Duration.ofMinutes(10), o.retryAfter());
  }

  @Test
  void aRefusedFileFailsItsListingsWithBackMarketsMessage() {
    bm.reply(400, "\"parameter catalog not found\"");

    BatchResult result = bm.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "GOOD")));

    assertEquals(List.of(ItemOutcome.failed("IPH-1", BackMarketAdapter.TASK_REFUSED, "parameter catalog not found")),
        result.outcomes());
  }

  @Test
  void aProductIdAndAWarrantyFromTheListingGoIntoTheRow() {
    bm.reply(200, "{\"bodymessage\":3,\"statuscode\":200}");
    Listing listing = new Listing("S;1\"x", null, null, null, null, null, Listing.Condition.REFURBISHED,
        new BigDecimal("10"), "EUR", 0, List.of(), null,
        Map.of("product_id", List.of("6d4ad966-db97-4d88-b409-b28cc2a0f8c9"), "grade", List.of("premium"),
            "warranty_months", List.of("24")), null, Map.of());

    bm.adapter.upsertListings(connection, List.of(listing));

    assertTrue(BackMarketFixture.body(bm.take()).path("catalog").asText().endsWith(
        "\n\"S;1\"\"x\";\"6d4ad966-db97-4d88-b409-b28cc2a0f8c9\";\"\";\"0\";\"10\";\"9\";\"24\""));
  }

  static Listing phone(String sku, String ean, String grade) {
    return new Listing(sku, "iPhone 13", null, "Apple", null, ean, Listing.Condition.REFURBISHED,
        new BigDecimal("199.90"), "EUR", 3, List.of(), null, Map.of("grade", List.of(grade)), null, Map.of());
  }
}
