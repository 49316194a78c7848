package io.syncfleet.adapters.refurbed;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;

/**
 * refurbed's errors: a google.rpc.Status {@code {"code":3,"message":"...","details":[]}} for a whole
 * call, and the same shape as the {@code status} of each entry of a batch answer [V]. The code's
 * gRPC name (INVALID_ARGUMENT, NOT_FOUND, ...) is the code reported to the worker.
 */
final class RefurbedErrors {
  /** Reads the status out of any answer. */
  static final ErrorReader READER = r -> detail(r.jsonOrEmpty(), r.status());

  private RefurbedErrors() {}

  static ErrorDetail detail(JsonNode status, int httpStatus) {
    if (!status.path("code").canConvertToInt()) {
      return ErrorDetail.unknown(httpStatus);
    }
    String message = text(status, "message");
    return new ErrorDetail(RefurbedApi.codeName(status.path("code").asInt()),
        message != null ? message : "HTTP " + httpStatus);
  }

  /** The status code of a body or batch entry status; OK when absent. */
  static int code(JsonNode status) {
    return status.path("code").asInt(RefurbedApi.OK);
  }

  /**
   * The outcome of one batch entry from its status: OK is done, RESOURCE_EXHAUSTED throttled, the
   * retryable codes a passing fault, anything else refused for good with refurbed's code and message.
   */
  static ItemOutcome outcome(String sku, JsonNode status) {
    int code = code(status);
    if (code == RefurbedApi.OK) {
      return ItemOutcome.done(sku);
    }
    ErrorDetail e = detail(status, 200);
    if (code == RefurbedApi.RESOURCE_EXHAUSTED) {
      return ItemOutcome.throttled(sku, e.code(), e.message(), null);
    }
    if (RefurbedApi.PASSING.contains(code)) {
      return ItemOutcome.retry(sku, e.code(), e.message(), null);
    }
    return ItemOutcome.failed(sku, e.code(), e.message());
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
  }
}
