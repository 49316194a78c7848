package io.syncfleet.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.time.Clock;

/**
 * Graph's error envelope, {@code {"error":{"message","type","code","error_subcode","is_transient",
 * "fbtrace_id"}}} [V], and what each answer means for the worker. Graph puts the meaning in the code,
 * not the HTTP status (a throttle or an expired token may come as 400 or 403), so every answer is
 * classified here by its code first.
 */
final class MetaErrors {
  /** Reads Graph's code and message out of any answer. */
  static final ErrorReader READER = r -> detail(envelope(r), r.status());

  private MetaErrors() {}

  /** The failure {@code r} stands for, or null when it is a success without an error envelope. */
  static SyncFailure classify(HttpResult r, Clock clock) {
    JsonNode error = envelope(r);
    if (r.isSuccess() && error.isMissingNode()) {
      return null;
    }
    int status = r.status();
    int code = error.path("code").asInt(-1);
    int subcode = error.path("error_subcode").asInt(-1);
    ErrorDetail d = detail(error, status);
    if (status == 429 || MetaApi.THROTTLE_CODES.contains(code)) {
      return new RateLimitedFailure(d.message(), status, d.code(), MetaUsage.waitAskedFor(r, clock));
    }
    if (MetaApi.TOKEN_CODES.contains(code)) {
      return new AuthenticationFailure("Meta no longer accepts this connection's access token (" + d.message()
          + "); generate a new system user token in Business Settings and store it as '" + MetaApi.ACCESS_TOKEN
          + "'", status, d.code());
    }
    if (MetaApi.isPermission(code) || (code == MetaApi.INVALID_PARAMETER && subcode == MetaApi.OBJECT_NOT_VISIBLE)) {
      return new AuthenticationFailure("the access token may not manage this catalog (" + d.message()
          + "); assign the catalog to the system user with full control and check '" + MetaApi.CATALOG_ID + "'",
          status, d.code());
    }
    if (MetaApi.TRANSIENT_CODES.contains(code) || error.path("is_transient").asBoolean(false)
        || status == 408 || status >= 500) {
      return new TransientFailure(d.message(), status, d.code(), null);
    }
    if (status == 401 || status == 403) {
      return new AuthenticationFailure(d.message(), status, d.code());
    }
    return new PermanentFailure(d.message(), status, d.code());
  }

  /** Graph's code and message; the subcode and trace id go into the message for Meta's support. */
  static ErrorDetail detail(JsonNode error, int status) {
    if (!error.isObject()) {
      return ErrorDetail.unknown(status);
    }
    String code = error.hasNonNull("code") ? error.get("code").asText() : null;
    String message = text(error, "message");
    StringBuilder m = new StringBuilder(message != null ? message : "HTTP " + status);
    String userMessage = text(error, "error_user_msg");
    if (userMessage != null && !userMessage.equals(message)) {
      m.append(": ").append(userMessage);
    }
    String subcode = text(error, "error_subcode");
    String trace = text(error, "fbtrace_id");
    if (subcode != null || trace != null) {
      m.append(" (");
      if (subcode != null) {
        m.append("subcode ").append(subcode).append(trace != null ? ", " : "");
      }
      if (trace != null) {
        m.append("fbtrace_id ").append(trace);
      }
      m.append(')');
    }
    return new ErrorDetail(code, m.toString());
  }

  /** The {@code error} object of an answer, or a missing node when there is none or the body is not JSON. */
  static JsonNode envelope(HttpResult r) {
    try {
      JsonNode body = r.bodyBytes().length == 0 ? null : Json.MAPPER.readTree(r.bodyBytes());
      return body == null ? Json.MAPPER.missingNode() : body.path("error");
    } catch (IOException e) {
      return Json.MAPPER.missingNode();
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
  }
}
