package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.PermanentFailure;

/**
 * A Shopee answer that was not throttling, a token or credential problem, or a passing fault: either
 * a success, or a refusal whose {@code error} and {@code message} the caller maps (batch calls read
 * their {@code failure_list} first; single calls throw it with {@link #orThrow()}).
 *
 * @param status  the HTTP status
 * @param body    the whole envelope
 * @param error   Shopee's error code without module prefix, or null on success
 * @param message Shopee's message, or null
 */
record ShopeeReply(int status, JsonNode body, String error, String message) {

  boolean ok() {
    return error == null;
  }

  /** The envelope's {@code response} object (missing node when absent). */
  JsonNode response() {
    return body.path("response");
  }

  /** This reply when it is a success, otherwise its refusal as a permanent failure. */
  ShopeeReply orThrow() {
    if (!ok()) {
      throw new PermanentFailure(message == null || message.isBlank() ? error : message, status, error);
    }
    return this;
  }
}
