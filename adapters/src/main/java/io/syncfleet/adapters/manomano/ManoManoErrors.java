package io.syncfleet.adapters.manomano;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ManoMano's error shapes, which are not documented publicly [U]: an {@code errors[]} list of
 * {@code {code, message}} (e.g. ERR_1405 [C]), a flat {@code {error_code|code, message}} such as
 * Cloudflare's rate-limit answer with {@code retry_after} [C], or problem-style {@code title/detail}.
 * Also reads the per-offer results of an offer PATCH (see {@link ManoManoApi#FAILED_WORDS}).
 */
final class ManoManoErrors {
  /** Reads whichever shape the answer has. */
  static final ErrorReader READER = r -> detail(r.jsonOrEmpty(), r.status());

  private ManoManoErrors() {}

  static ErrorDetail detail(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String m = e.isTextual() ? e.asText() : firstText(e, "message", "detail", "title", "reason");
        if (m != null) {
          messages.add(m);
        }
      }
      String code = firstText(errors.get(0), "code", "error_code", "type");
      return new ErrorDetail(code, messages.isEmpty() ? "HTTP " + status : String.join("; ", messages));
    }
    String message = firstText(body, "message", "detail", "title", "error_description", "reason_phrase");
    String code = firstText(body, "error_code", "code", "error", "type");
    if (message == null && code == null) {
      return ErrorDetail.unknown(status);
    }
    return new ErrorDetail(code, message != null ? message : code);
  }

  /** The wait Cloudflare put in a 429's body, or null. */
  static Duration retryAfterInBody(HttpResult r) {
    JsonNode v = r.jsonOrEmpty().path(ManoManoApi.RETRY_AFTER_FIELD);
    if (!v.isNumber() || v.asDouble() < 0) {
      return null;
    }
    return Duration.ofMillis((long) Math.ceil(v.asDouble() * 1000));
  }

  /**
   * The outcome of each SKU the answer reports on, by SKU; empty when it reports on none. HTTP-like
   * 2xx or no status is done, 429 throttled, 5xx a passing fault, anything else refused.
   */
  static Map<String, ItemOutcome> offerResults(JsonNode body) {
    Map<String, ItemOutcome> bySku = new HashMap<>();
    for (JsonNode entry : body.path("content")) {
      String sku = text(entry, "sku");
      if (sku != null) {
        bySku.put(sku, offerResult(sku, entry));
      }
    }
    return bySku;
  }

  private static ItemOutcome offerResult(String sku, JsonNode entry) {
    JsonNode status = entry.has("status") ? entry.get("status") : entry.path("response").path("status");
    boolean hasErrors = entry.path("errors").isArray() && !entry.path("errors").isEmpty();
    int code = status.isNumber() ? status.asInt() : 0;
    boolean failedWord = status.isTextual()
        && ManoManoApi.FAILED_WORDS.contains(status.asText().toUpperCase(Locale.ROOT));
    if (!hasErrors && !failedWord && (code == 0 || (code >= 200 && code < 300))) {
      return ItemOutcome.done(sku);
    }
    ErrorDetail e = detail(entry, code);
    String errorCode = e.code() != null ? e.code() : code != 0 ? "HTTP " + code : status.asText();
    if (code == 429) {
      return ItemOutcome.throttled(sku, errorCode, e.message(), null);
    }
    if (code >= 500) {
      return ItemOutcome.retry(sku, errorCode, e.message(), null);
    }
    return ItemOutcome.failed(sku, errorCode, e.message());
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
