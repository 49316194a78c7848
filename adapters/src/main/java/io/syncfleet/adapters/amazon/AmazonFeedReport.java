package io.syncfleet.adapters.amazon;

import static io.syncfleet.adapters.amazon.AmazonErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON listings feed's processing report [V, listings-feed-processing-report-schema-v2]: issues per
 * message ({@code messageId}, {@code sku}, {@code code}, {@code severity}, {@code message}) and a
 * summary. A message with an ERROR issue was not applied; every other message was accepted. An
 * ERROR that names no message concerns the whole feed.
 */
final class AmazonFeedReport {
  private final Map<String, List<JsonNode>> errorsBySku = new LinkedHashMap<>();
  private final List<JsonNode> feedErrors = new ArrayList<>();
  private final int accepted;

  private AmazonFeedReport(JsonNode report, Map<Integer, String> skuByMessage) {
    for (JsonNode issue : report.path("issues")) {
      if (!AmazonApi.ERROR.equals(text(issue, "severity"))) {
        continue;
      }
      String sku = issue.hasNonNull("messageId") ? skuByMessage.get(issue.get("messageId").asInt()) : null;
      if (sku == null) {
        sku = text(issue, "sku");
      }
      if (sku == null) {
        feedErrors.add(issue);
      } else {
        errorsBySku.computeIfAbsent(sku, k -> new ArrayList<>()).add(issue);
      }
    }
    accepted = report.path("summary").path("messagesAccepted").asInt(-1);
  }

  /** Reads {@code report} for a feed whose messages carried {@code skuByMessage}. */
  static AmazonFeedReport read(JsonNode report, Map<Integer, String> skuByMessage) {
    return new AmazonFeedReport(report, skuByMessage);
  }

  /**
   * The outcome of a SKU of a finished (DONE) feed: failed with its own errors; failed with the
   * feed's errors when those stopped every message; otherwise done.
   */
  ItemOutcome outcome(String sku) {
    List<JsonNode> own = errorsBySku.get(sku);
    if (own != null) {
      return failed(sku, own);
    }
    if (!feedErrors.isEmpty() && accepted == 0) {
      return failed(sku, feedErrors);
    }
    return ItemOutcome.done(sku);
  }

  /** The errors Amazon reported for the SKU's own message, if any. */
  boolean refused(String sku) {
    return errorsBySku.containsKey(sku);
  }

  /** The SKU's own errors as a failed outcome. */
  ItemOutcome refusal(String sku) {
    return failed(sku, errorsBySku.get(sku));
  }

  private static ItemOutcome failed(String sku, List<JsonNode> issues) {
    String code = text(issues.get(0), "code");
    return ItemOutcome.failed(sku, code != null ? code : AmazonApi.INVALID, AmazonErrors.issueMessages(issues));
  }
}
