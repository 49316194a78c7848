package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.PermanentFailure;

/**
 * A Lazada answer that was not throttling, a token or credential problem, or a passing fault: either
 * a success ({@code code} "0"), or a refusal whose code, message and {@code detail[]} the caller maps
 * (batch calls read the SKUs named in {@code detail[]} first; single calls throw it with {@link #orThrow()}).
 *
 * @param status  the HTTP status
 * @param body    the whole answer
 * @param code    Lazada's error code, or null on success
 * @param message Lazada's message, or null
 */
record LazadaReply(int status, JsonNode body, String code, String message) {

  boolean ok() {
    return code == null;
  }

  /** The answer's {@code data} (missing node when absent). */
  JsonNode data() {
    return body.path("data");
  }

  /** This reply when it is a success, otherwise its refusal as a permanent failure. */
  LazadaReply orThrow() {
    if (!ok()) {
      throw new PermanentFailure(LazadaErrors.describe(this), status, code);
    }
    return this;
  }
}
