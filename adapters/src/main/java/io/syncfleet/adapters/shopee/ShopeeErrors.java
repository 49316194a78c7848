package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shopee's error envelope [V]: every answer carries {@code error} (empty on success, a code on
 * failure, sometimes prefixed with the module as in {@code product.error_param}), {@code message}
 * and {@code request_id}, whatever the HTTP status. This class reads it and says what kind of
 * failure a code is, since one code ({@code error_auth}) covers both token and item problems.
 */
final class ShopeeErrors {
  /** Reads the envelope out of any Shopee answer, for the failures the HTTP toolkit raises by status. */
  static final ErrorReader READER = r -> {
    JsonNode body = r.jsonOrEmpty();
    String code = code(body);
    if (code == null) {
      return ErrorDetail.unknown(r.status());
    }
    String message = text(body, "message");
    return new ErrorDetail(code, message == null || message.isBlank() ? code : message);
  };

  /** What a Shopee error means for the worker. */
  enum Kind {
    /** The app hit a rate or daily limit. */
    THROTTLED,
    /** The access token is invalid or expired: refresh once. */
    TOKEN,
    /** The partner, shop authorization or permissions are wrong: someone must act. */
    CREDENTIALS,
    /** A fault on Shopee's side. */
    PASSING,
    /** Shopee refused the request or item. */
    REFUSED
  }

  private ShopeeErrors() {}

  /** The envelope's error code without a module prefix, or null when the envelope reports none. */
  static String code(JsonNode body) {
    String error = text(body, "error");
    if (error == null || error.isBlank() || "-".equals(error)) {
      return null;
    }
    int dot = error.lastIndexOf('.');
    // "product.error_param" names the module; "error.param" is itself a code [V].
    if (dot > 0 && dot < error.length() - 1 && !error.startsWith("error")) {
      return error.substring(dot + 1);
    }
    return error;
  }

  static Kind kind(String code, String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (ShopeeApi.RATE_LIMIT.equals(code) || ShopeeApi.DAILY_LIMIT.equals(code)
        || ShopeeApi.OTHER_THROTTLE_CODES.contains(code)) {
      return Kind.THROTTLED;
    }
    if (ShopeeApi.TOKEN_CODES.contains(code)) {
      return Kind.TOKEN;
    }
    if (ShopeeApi.CREDENTIAL_CODES.contains(code)) {
      return Kind.CREDENTIALS;
    }
    if (ShopeeApi.TRANSIENT_CODES.contains(code) || containsAny(m, ShopeeApi.TRANSIENT_MESSAGE_HINTS)) {
      return Kind.PASSING;
    }
    if ("error_auth".equals(code) || "error_param".equals(code) || "error_permission".equals(code)) {
      if (m.contains(ShopeeApi.TOKEN_MESSAGE_HINT) && !m.contains("refresh_token")) {
        return Kind.TOKEN;
      }
      if (containsAny(m, ShopeeApi.CREDENTIAL_MESSAGE_HINTS)) {
        return Kind.CREDENTIALS;
      }
    }
    return Kind.REFUSED;
  }

  /** The typed failure of a whole call that Shopee answered with {@code code}. */
  static SyncFailure failure(String code, String message, int status, Clock clock) {
    String text = message == null || message.isBlank() ? code : message;
    switch (kind(code, message)) {
      case THROTTLED:
        return new RateLimitedFailure("Shopee throttled the app (" + code + ": " + text + ")", status, code,
            ShopeeApi.DAILY_LIMIT.equals(code) ? untilDailyReset(clock) : null);
      case TOKEN:
        return new AuthenticationFailure("Shopee refused the access token (" + code + ": " + text + ")",
            status, code);
      case CREDENTIALS:
        return new AuthenticationFailure("Shopee refused this connection (" + code + ": " + text
            + "); check the partner key, the app's API permissions and IP whitelist in the Shopee Open "
            + "Platform console, or have the seller authorize Syncfleet again and store the new tokens",
            status, code);
      case PASSING:
        return new TransientFailure("Shopee failed to answer (" + code + ": " + text + ")", status, code, null);
      default:
        return new PermanentFailure(text, status, code);
    }
  }

  /**
   * A failure the HTTP toolkit raised by status (401, 403, 5xx), re-read by Shopee's code: a 403
   * saying {@code error_rate_limit} is throttling, one saying {@code error_param} is a refusal.
   */
  static SyncFailure reclassify(SyncFailure f, Clock clock) {
    if (f.code() == null || f instanceof RateLimitedFailure
        || f instanceof TransientFailure && f.httpStatus() == 0) {
      return f;
    }
    Kind kind = kind(f.code(), f.getMessage());
    if (f instanceof TransientFailure && kind != Kind.THROTTLED) {
      return f;
    }
    return failure(f.code(), f.getMessage(), f.httpStatus(), clock);
  }

  /** Whether a failure_list reason describes a passing fault rather than a refusal of the item. */
  static boolean retryable(String reason) {
    return reason != null && containsAny(reason.toLowerCase(Locale.ROOT), ShopeeApi.RETRYABLE_REASON_HINTS);
  }

  /** [V] The daily call quota resets at 00:00 UTC+8. */
  static Duration untilDailyReset(Clock clock) {
    Instant now = clock.instant();
    Instant reset = now.atOffset(ShopeeApi.DAILY_LIMIT_ZONE).toLocalDate().plusDays(1)
        .atStartOfDay().toInstant(ShopeeApi.DAILY_LIMIT_ZONE);
    return Duration.between(now, reset);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static boolean containsAny(String text, Iterable<String> hints) {
    for (String hint : hints) {
      if (text.contains(hint)) {
        return true;
      }
    }
    return false;
  }
}
