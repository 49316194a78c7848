package io.syncfleet.adapters.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * eBay's error shapes: the REST body {@code {"errors":[{"errorId","message","longMessage"}]}} [U],
 * OAuth's {@code {"error","error_description"}} [V], and the per-item {@code statusCode} and
 * {@code errors} of each entry in a bulk answer's {@code responses[]} [U].
 */
final class EbayErrors {
  /** Reads either error shape out of any eBay answer. */
  static final ErrorReader READER = r -> detail(r.jsonOrEmpty(), r.status());

  private EbayErrors() {}

  /** The code (eBay's errorId, or the OAuth error) and message of an error body. */
  static ErrorDetail detail(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String code = first.hasNonNull("errorId") ? first.get("errorId").asText() : null;
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String m = text(e, "message");
        messages.add(m != null ? m : text(e, "longMessage"));
      }
      messages.removeIf(m -> m == null || m.isBlank());
      return new ErrorDetail(code, messages.isEmpty() ? "HTTP " + status : String.join("; ", messages));
    }
    String oauthError = text(body, "error");
    if (oauthError != null) {
      String description = text(body, "error_description");
      return new ErrorDetail(oauthError, description != null ? description : oauthError);
    }
    return ErrorDetail.unknown(status);
  }

  /**
   * The outcome of each SKU in a bulk answer. A SKU with several entries (one per offer) takes its
   * first failing one. The answer may be a 2xx or, when every item failed, a 4xx that still carries
   * {@code responses[]} [U]; any other failed answer is the whole request's permanent failure.
   */
  static Map<String, ItemOutcome> bulkOutcomes(HttpResult r) {
    JsonNode responses = (r.isSuccess() ? r.json() : r.jsonOrEmpty()).path("responses");
    if (!responses.isArray()) {
      if (!r.isSuccess()) {
        throw r.permanent();
      }
      throw new TransientFailure("eBay answered HTTP " + r.status() + " without per-item responses", r.status());
    }
    Map<String, ItemOutcome> bySku = new HashMap<>();
    for (JsonNode response : responses) {
      String sku = text(response, "sku");
      if (sku != null) {
        ItemOutcome outcome = outcome(sku, response);
        bySku.merge(sku, outcome, (seen, next) -> seen.status() == ItemOutcome.Status.DONE ? next : seen);
      }
    }
    return bySku;
  }

  /** The outcome of one bulk entry: 2xx is done, 429 throttled, 408/5xx a passing fault, anything else final. */
  static ItemOutcome outcome(String sku, JsonNode response) {
    int status = response.path("statusCode").asInt(0);
    if (status >= 200 && status < 300) {
      return ItemOutcome.done(sku);
    }
    ErrorDetail e = detail(response, status);
    if (status == 0) {
      return ItemOutcome.retry(sku, e.code(), "eBay gave no status for this SKU: " + e.message(), null);
    }
    if (status == 429) {
      return ItemOutcome.throttled(sku, e.code(), e.message(), null);
    }
    if (status == 408 || status >= 500) {
      return ItemOutcome.retry(sku, e.code(), e.message(), null);
    }
    return ItemOutcome.failed(sku, e.code(), e.message());
  }

  /** The outcome of a SKU the bulk answer did not mention. */
  static ItemOutcome missing(String sku) {
    return ItemOutcome.retry(sku, null, "eBay's answer did not mention this SKU", null);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
