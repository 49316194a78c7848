package io.syncfleet.adapters.amazon;

import static io.syncfleet.adapters.amazon.AmazonErrors.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Bulk upserts through a JSON_LISTINGS_FEED [V steps]: create a feed document, upload the feed to its
 * pre-signed URL, create the feed, then follow its processing status and read the processing report.
 *
 * <p>A feed takes minutes, so the adapter does not wait for it: the call that submits it answers
 * every item RETRY with a wait, and the worker's retry of the same items finds the feed in
 * {@link AmazonPendingFeeds} and checks it, again answering RETRY (waiting as long as the feed has
 * already taken, within bounds) until it is DONE, when each item gets its own outcome from the
 * report. A worker thread is never held for the minutes a feed takes. Each check spends one of the
 * job's attempts.
 */
final class AmazonFeeds {
  private static final MediaType FEED_MEDIA_TYPE = MediaType.get(AmazonApi.FEED_CONTENT_TYPE);

  private final AmazonAuth auth;
  private final Clock clock;
  private final AmazonPendingFeeds pending = new AmazonPendingFeeds();

  AmazonFeeds(AmazonAuth auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  /** Submits the listings as one feed, or follows the feed already submitted for exactly these listings. */
  List<ItemOutcome> upsert(Connection c, AmazonSettings s, List<Listing> listings) {
    List<Listing> sorted = new ArrayList<>(listings);
    // Sorted so the same items make the same document, whatever order a retry lists them in.
    sorted.sort(Comparator.comparing(Listing::sku));
    Map<Integer, String> skuByMessage = new HashMap<>();
    ArrayNode messages = Json.MAPPER.createArrayNode();
    for (int i = 0; i < sorted.size(); i++) {
      messages.add(AmazonMapper.feedMessage(i + 1, sorted.get(i), s));
      skuByMessage.put(i + 1, sorted.get(i).sku());
    }
    ObjectNode feed = Json.MAPPER.createObjectNode();
    feed.putObject("header").put("sellerId", s.sellerId()).put("version", AmazonApi.FEED_VERSION)
        .put("issueLocale", s.languageTag());
    feed.set("messages", messages);
    byte[] document = bytes(feed);
    String key = c.id() + '\n' + s.marketplaceId() + '\n' + sha256(document);
    List<String> skus = listings.stream().map(Listing::sku).toList();
    return pending.find(key)
        .map(p -> follow(c, s, key, p, skus, skuByMessage))
        .orElseGet(() -> submit(c, s, key, document, skus));
  }

  /**
   * Uploads and creates the feed. A failure before the feed exists is thrown for the whole call (a
   * repeat costs at most an unused document); once it exists, every item is RETRY.
   */
  private List<ItemOutcome> submit(Connection c, AmazonSettings s, String key, byte[] document, List<String> skus) {
    ObjectNode documentRequest = Json.MAPPER.createObjectNode().put("contentType", AmazonApi.FEED_CONTENT_TYPE);
    JsonNode created = post(c, s, AmazonApi.FEED_DOCUMENTS, documentRequest);
    String documentId = required(created, "feedDocumentId");
    upload(required(created, "url"), document);

    ObjectNode feedRequest = Json.MAPPER.createObjectNode();
    feedRequest.put("feedType", AmazonApi.JSON_LISTINGS_FEED);
    feedRequest.putArray("marketplaceIds").add(s.marketplaceId());
    feedRequest.put("inputFeedDocumentId", documentId);
    String feedId = required(post(c, s, AmazonApi.FEEDS, feedRequest), "feedId");
    pending.remember(key, new AmazonPendingFeeds.Pending(feedId, clock.instant()));
    return each(skus, sku -> ItemOutcome.retry(sku, "feed_submitted", "sent to Amazon in JSON listings feed "
        + feedId + "; its result is read on the next attempt", AmazonApi.FEED_FIRST_CHECK));
  }

  /** Checks a submitted feed and, once Amazon is done with it, reads each item's outcome from the report. */
  private List<ItemOutcome> follow(Connection c, AmazonSettings s, String key, AmazonPendingFeeds.Pending feed,
      List<String> skus, Map<Integer, String> skuByMessage) {
    try {
      HttpResult r = auth.send(c, s, get(s.url(AmazonApi.FEEDS).newBuilder().addPathSegment(feed.feedId()).build()))
          .requireSuccess();
      JsonNode status = r.json();
      String processing = text(status, "processingStatus");
      String resultId = text(status, "resultFeedDocumentId");
      if (AmazonApi.DONE.equals(processing)) {
        AmazonFeedReport report = report(c, s, resultId, skuByMessage);
        pending.forget(key);
        return each(skus, report::outcome);
      }
      if (AmazonApi.FATAL.equals(processing) || AmazonApi.CANCELLED.equals(processing)) {
        AmazonFeedReport report = resultId == null ? null : report(c, s, resultId, skuByMessage);
        pending.forget(key);
        return each(skus, sku -> report != null && report.refused(sku) ? report.refusal(sku)
            : ItemOutcome.retry(sku, processing, "Amazon ended JSON listings feed " + feed.feedId() + " as "
                + processing + "; the listing is sent again", null));
      }
      Duration waited = Duration.between(feed.submittedAt(), clock.instant());
      Duration wait = clamp(waited, AmazonApi.FEED_CHECK_MIN, AmazonApi.FEED_CHECK_MAX);
      return each(skus, sku -> ItemOutcome.retry(sku, processing, "Amazon is still processing JSON listings feed "
          + feed.feedId() + " (" + processing + ", submitted " + waited.toSeconds() + " s ago)", wait));
    } catch (RateLimitedFailure e) {
      return each(skus, sku -> ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null)));
    } catch (TransientFailure e) {
      return each(skus, sku -> ItemOutcome.retry(sku, e.code(), e.getMessage(), null));
    } catch (PermanentFailure e) {
      // Amazon does not know the feed or its report (any more): submit again on the next attempt.
      pending.forget(key);
      return each(skus, sku -> ItemOutcome.retry(sku, e.code(), "cannot read JSON listings feed " + feed.feedId()
          + " (" + e.getMessage() + "); the listing is sent again", null));
    }
  }

  /** Fetches and reads a processing report, which Amazon may have gzipped [V]. */
  private AmazonFeedReport report(Connection c, AmazonSettings s, String documentId,
      Map<Integer, String> skuByMessage) {
    if (documentId == null) {
      throw new TransientFailure("Amazon's finished feed names no result document yet", 200);
    }
    JsonNode document = auth.send(c, s, get(s.url(AmazonApi.FEED_DOCUMENTS).newBuilder()
        .addPathSegment(documentId).build())).requireSuccess().json();
    HttpResult download = auth.sendUnsigned(get(url(required(document, "url")))).requireSuccess();
    byte[] body = AmazonApi.GZIP.equals(text(document, "compressionAlgorithm"))
        ? gunzip(download.bodyBytes()) : download.bodyBytes();
    try {
      return AmazonFeedReport.read(Json.MAPPER.readTree(body), skuByMessage);
    } catch (IOException e) {
      throw new TransientFailure("Amazon's feed processing report is not JSON", download.status(), null, e);
    }
  }

  /** PUTs the feed to the pre-signed URL with exactly the content type declared for it, and no token [V]. */
  private void upload(String url, byte[] document) {
    Request request = new Request.Builder().url(url(url)).put(RequestBody.create(document, FEED_MEDIA_TYPE)).build();
    try {
      auth.sendUnsigned(request).requireSuccess();
    } catch (AuthenticationFailure e) {
      // A refused pre-signed URL (expired after 5 minutes [V]) says nothing about the seller's credentials.
      throw new TransientFailure("the feed document's upload URL was refused: " + e.getMessage(), e.httpStatus(),
          e.code(), e);
    }
  }

  private JsonNode post(Connection c, AmazonSettings s, String path, ObjectNode body) {
    Request request = new Request.Builder().url(s.url(path)).post(MarketplaceHttp.json(body)).build();
    return auth.send(c, s, request).requireSuccess().json();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).get().build();
  }

  private static HttpUrl url(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new TransientFailure("Amazon sent an unusable document URL", 200);
    }
    return parsed;
  }

  private static String required(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isEmpty()) {
      throw new TransientFailure("Amazon's feeds answer has no " + field, 200);
    }
    return v;
  }

  private static List<ItemOutcome> each(List<String> skus, Function<String, ItemOutcome> outcome) {
    List<ItemOutcome> out = new ArrayList<>(skus.size());
    for (String sku : skus) {
      out.add(outcome.apply(sku));
    }
    return out;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a feed", e);
    }
  }

  private static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new TransientFailure("Amazon's feed processing report is not valid gzip", 200, null, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
