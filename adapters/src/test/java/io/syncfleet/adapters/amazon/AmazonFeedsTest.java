package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk upserts through the JSON listings feed: submission, following the feed, reading its report. */
class AmazonFeedsTest {
  private static final int SIZE = AmazonApi.SINGLE_ITEM_UPSERT_MAX + 2;

  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();
  private final Connection connection = amazon.connection();
  private final List<Listing> listings = listings();

  @Test
  void submitsOneFeedAndAnswersRetryWithoutWaitingForIt() {
    amazon.token("tok-1");
    submission("feed-1");

    BatchResult result = amazon.adapter.upsertListings(connection, listings);

    for (ItemOutcome o : result.outcomes()) {
      assertEquals(ItemOutcome.Status.RETRY, o.status());
      assertEquals("feed_submitted", o.code());
      assertEquals(Duration.ofSeconds(60), o.retryAfter());
      assertTrue(o.message().contains("feed-1"), o.message());
    }
    assertEquals(listings.stream().map(Listing::sku).toList(),
        result.outcomes().stream().map(ItemOutcome::sku).toList(), "outcomes in the job's order");

    RecordedRequest document = amazon.takeAfterToken();
    assertEquals("POST", document.getMethod());
    assertEquals("/feeds/2021-06-30/documents", document.getPath());
    assertEquals("tok-1", document.getHeader("x-amz-access-token"));
    assertEquals(AmazonFixture.json("{\"contentType\":\"application/json; charset=UTF-8\"}"),
        AmazonFixture.body(document));

    RecordedRequest upload = amazon.take();
    assertEquals("PUT", upload.getMethod());
    assertEquals("/upload/doc-1?X-Amz-Signature=abc", upload.getPath());
    assertEquals("application/json; charset=UTF-8", upload.getHeader("Content-Type"), "exactly as declared");
    assertNull(upload.getHeader("x-amz-access-token"), "the pre-signed URL carries its own authorization");
    JsonNode feed = AmazonFixture.body(upload);
    assertEquals(AmazonFixture.json("{\"sellerId\":\"A1SELLER\",\"version\":\"2.0\",\"issueLocale\":\"de_DE\"}"),
        feed.get("header"));
    assertEquals(SIZE, feed.get("messages").size());
    JsonNode first = feed.get("messages").get(0);
    assertEquals(1, first.get("messageId").asInt());
    assertEquals("SKU-00", first.get("sku").asText(), "messages sorted by SKU");
    assertEquals("UPDATE", first.get("operationType").asText());
    assertEquals("HOME", first.get("productType").asText());
    assertEquals("LISTING", first.get("requirements").asText());
    assertEquals("Mug SKU-00", first.path("attributes").path("item_name").get(0).get("value").asText());

    RecordedRequest create = amazon.take();
    assertEquals("POST", create.getMethod());
    assertEquals("/feeds/2021-06-30/feeds", create.getPath());
    assertEquals(AmazonFixture.json("{\"feedType\":\"JSON_LISTINGS_FEED\",\"marketplaceIds\":[\"A1PA6795UKMFR9\"],"
        + "\"inputFeedDocumentId\":\"doc-1\"}"), AmazonFixture.body(create));
  }

  @Test
  void theRetryFollowsTheSameFeedUntilItIsDoneThenReadsEachItemsOutcome() throws IOException {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    skip(4);

    amazon.clock.advance(Duration.ofSeconds(90));
    amazon.reply(200, "{\"feedId\":\"feed-1\",\"feedType\":\"JSON_LISTINGS_FEED\","
        + "\"processingStatus\":\"IN_PROGRESS\"}");
    List<Listing> shuffled = new ArrayList<>(listings);
    Collections.reverse(shuffled);
    BatchResult pending = amazon.adapter.upsertListings(connection, shuffled);

    RecordedRequest check = amazon.take();
    assertEquals("GET", check.getMethod());
    assertEquals("/feeds/2021-06-30/feeds/feed-1", check.getPath());
    for (ItemOutcome o : pending.outcomes()) {
      assertEquals(ItemOutcome.Status.RETRY, o.status());
      assertEquals("IN_PROGRESS", o.code());
      assertEquals(Duration.ofSeconds(90), o.retryAfter(), "waits as long as the feed has taken");
    }

    amazon.clock.advance(Duration.ofMinutes(3));
    amazon.reply(200, "{\"feedId\":\"feed-1\",\"processingStatus\":\"DONE\",\"resultFeedDocumentId\":\"res-1\"}");
    amazon.reply(200, "{\"feedDocumentId\":\"res-1\",\"url\":\"" + amazon.server.url("/result/res-1")
        + "\",\"compressionAlgorithm\":\"GZIP\"}");
    amazon.enqueue(new MockResponse().setBody(new Buffer().write(gzip("""
        {"header":{"sellerId":"A1SELLER","version":"2.0","feedId":"feed-1"},
         "issues":[
           {"messageId":2,"sku":"SKU-01","code":"90220","severity":"ERROR",
            "message":"'color' is required but not supplied.","attributeName":"color"},
           {"messageId":3,"sku":"SKU-02","code":"18448","severity":"WARNING","message":"Attributes are incomplete."}],
         "summary":{"errors":1,"warnings":1,"messagesProcessed":12,"messagesAccepted":11,"messagesInvalid":1}}
        """))));

    BatchResult done = amazon.adapter.upsertListings(connection, listings);

    assertEquals("/feeds/2021-06-30/feeds/feed-1", amazon.take().getPath());
    RecordedRequest document = amazon.take();
    assertEquals("/feeds/2021-06-30/documents/res-1", document.getPath());
    assertEquals("tok-1", document.getHeader("x-amz-access-token"));
    RecordedRequest download = amazon.take();
    assertEquals("/result/res-1", download.getPath());
    assertNull(download.getHeader("x-amz-access-token"));
    assertEquals(ItemOutcome.failed("SKU-01", "90220", "90220: 'color' is required but not supplied. [color]"),
        outcome(done, "SKU-01"));
    assertEquals(SIZE - 1, done.withStatus(ItemOutcome.Status.DONE).size());

    submission("feed-2");
    amazon.adapter.upsertListings(connection, listings);
    assertEquals("/feeds/2021-06-30/documents", amazon.take().getPath(), "a finished feed is not followed again");
  }

  @Test
  void aFeedWithOtherItemsIsANewFeed() {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    skip(4);

    submission("feed-2");
    amazon.adapter.upsertListings(connection, listings.subList(1, SIZE));

    assertEquals("/feeds/2021-06-30/documents", amazon.take().getPath());
  }

  @Test
  void aFatalFeedFailsTheItemsItNamesAndSendsTheRestAgain() {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    skip(4);

    amazon.reply(200, "{\"feedId\":\"feed-1\",\"processingStatus\":\"FATAL\",\"resultFeedDocumentId\":\"res-1\"}");
    amazon.reply(200, "{\"feedDocumentId\":\"res-1\",\"url\":\"" + amazon.server.url("/result/res-1") + "\"}");
    amazon.reply(200, "{\"header\":{\"sellerId\":\"A1SELLER\",\"version\":\"2.0\",\"feedId\":\"feed-1\"},"
        + "\"issues\":[{\"messageId\":1,\"code\":\"4000003\",\"severity\":\"ERROR\",\"message\":\"Internal error.\"}],"
        + "\"summary\":{\"errors\":1,\"warnings\":0,\"messagesProcessed\":1,\"messagesAccepted\":0,"
        + "\"messagesInvalid\":1}}");

    BatchResult result = amazon.adapter.upsertListings(connection, listings);

    assertEquals(ItemOutcome.failed("SKU-00", "4000003", "4000003: Internal error."), outcome(result, "SKU-00"));
    assertEquals(SIZE - 1, result.withStatus(ItemOutcome.Status.RETRY).size());
    assertEquals("FATAL", outcome(result, "SKU-05").code());
    skip(3);
    submission("feed-2");
    amazon.adapter.upsertListings(connection, listings);
    assertEquals("/feeds/2021-06-30/documents", amazon.take().getPath(), "submitted again");
  }

  @Test
  void feedLevelErrorsThatStoppedEveryMessageFailEveryItem() {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    amazon.reply(200, "{\"feedId\":\"feed-1\",\"processingStatus\":\"DONE\",\"resultFeedDocumentId\":\"res-1\"}");
    amazon.reply(200, "{\"feedDocumentId\":\"res-1\",\"url\":\"" + amazon.server.url("/result/res-1") + "\"}");
    amazon.reply(200, "{\"header\":{\"sellerId\":\"A1SELLER\",\"version\":\"2.0\",\"feedId\":\"feed-1\"},"
        + "\"issues\":[{\"code\":\"100001\",\"severity\":\"ERROR\",\"message\":\"The seller id does not match.\"}],"
        + "\"summary\":{\"errors\":1,\"warnings\":0,\"messagesProcessed\":0,\"messagesAccepted\":0,"
        + "\"messagesInvalid\":0}}");

    BatchResult result = amazon.adapter.upsertListings(connection, listings);

    assertEquals(SIZE, result.withStatus(ItemOutcome.Status.FAILED).size());
    assertEquals("100001", result.outcomes().get(5).code());
  }

  @Test
  void aThrottledCheckKeepsTheFeedAndWaits() {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    skip(4);

    amazon.throttled("2.0");
    BatchResult throttled = amazon.adapter.upsertListings(connection, listings);
    skip(1);

    assertEquals(SIZE, throttled.withStatus(ItemOutcome.Status.THROTTLED).size());
    assertEquals(Duration.ofMillis(500), throttled.outcomes().get(0).retryAfter());
    amazon.reply(200, "{\"feedId\":\"feed-1\",\"processingStatus\":\"IN_QUEUE\"}");
    amazon.adapter.upsertListings(connection, listings);
    assertEquals("/feeds/2021-06-30/feeds/feed-1", amazon.take().getPath(), "still following feed-1");
  }

  @Test
  void anUnknownFeedIsSubmittedAgain() {
    amazon.token("tok-1");
    submission("feed-1");
    amazon.adapter.upsertListings(connection, listings);
    skip(4);
    amazon.reply(404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"The requested feed was not found.\"}]}");

    BatchResult result = amazon.adapter.upsertListings(connection, listings);

    assertEquals(SIZE, result.withStatus(ItemOutcome.Status.RETRY).size());
    assertEquals("NotFound", result.outcomes().get(0).code());
    skip(1);
    submission("feed-2");
    amazon.adapter.upsertListings(connection, listings);
    assertEquals("/feeds/2021-06-30/documents", amazon.take().getPath());
  }

  @Test
  void anExpiredUploadUrlIsAPassingFaultNotRefusedCredentials() {
    amazon.token("tok-1");
    amazon.reply(200, "{\"feedDocumentId\":\"doc-1\",\"url\":\"" + amazon.server.url("/upload/doc-1") + "\"}");
    amazon.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/xml")
        .setBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));

    assertThrows(TransientFailure.class,
        () -> amazon.adapter.upsertListings(connection, listings));
  }

  @Test
  void aThrottledFeedSubmissionPostponesTheWholeBatch() {
    amazon.token("tok-1");
    amazon.reply(200, "{\"feedDocumentId\":\"doc-1\",\"url\":\"" + amazon.server.url("/upload/doc-1") + "\"}");
    amazon.reply(200, "");
    amazon.throttled("0.0083");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> amazon.adapter.upsertListings(connection, listings));

    assertEquals(Duration.ofMillis(120_482), e.retryAfter().orElseThrow());
  }

  /** Queues the three answers of a feed submission: the document, the upload, the feed. */
  private void submission(String feedId) {
    amazon.reply(202, "{\"feedDocumentId\":\"doc-1\",\"url\":\""
        + amazon.server.url("/upload/doc-1?X-Amz-Signature=abc") + "\"}");
    amazon.reply(200, "");
    amazon.reply(202, "{\"feedId\":\"" + feedId + "\"}");
  }

  private void skip(int requests) {
    for (int i = 0; i < requests; i++) {
      amazon.take();
    }
  }

  /** SKU-11 down to SKU-00: not in SKU order, as a job may list them. */
  private static List<Listing> listings() {
    List<Listing> out = new ArrayList<>();
    for (int i = SIZE - 1; i >= 0; i--) {
      out.add(AmazonFixture.listing(String.format("SKU-%02d", i)));
    }
    return out;
  }

  private static ItemOutcome outcome(BatchResult result, String sku) {
    return result.outcomes().stream().filter(o -> o.sku().equals(sku)).findFirst().orElseThrow();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
