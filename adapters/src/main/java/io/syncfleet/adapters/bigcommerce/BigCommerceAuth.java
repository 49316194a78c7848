package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import okhttp3.Request;

/**
 * BigCommerce store-level API authentication: every call carries the API account's access token in
 * {@value BigCommerceApi#AUTH_HEADER} [V]; the token does not expire and is revoked only by deleting
 * the account [V]. A 429 waits for the longer of {@value BigCommerceApi#RESET_MS} and
 * {@value BigCommerceApi#RETRY_AFTER} [V].
 */
final class BigCommerceAuth {
  private final MarketplaceHttp http;

  BigCommerceAuth(MarketplaceHttp http) {
    this.http = http;
  }

  /**
   * Sends {@code request} with the connection's token; an answer other than 401/403/408/429/5xx is
   * returned as is. A 429 is the shared toolkit's failure with BigCommerce's own wait when it states one.
   */
  HttpResult send(Connection connection, Request request) {
    HttpResult r = http.exchange(request.newBuilder()
        .header(BigCommerceApi.AUTH_HEADER, token(connection))
        .header("Accept", "application/json")
        .build(), BigCommerceErrors.READER);
    SyncFailure failure = http.failure(r);
    if (failure instanceof RateLimitedFailure throttled) {
      Duration wait = wait(r);
      throw wait == null ? throttled : new RateLimitedFailure(throttled.getMessage(), r.status(), throttled.code(), wait);
    }
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  /** The wait a throttled answer asks for in BigCommerce's own headers, or null when it states none. */
  static Duration wait(HttpResult throttled) {
    return longer(millis(throttled.header(BigCommerceApi.RESET_MS)), seconds(throttled.header(BigCommerceApi.RETRY_AFTER)));
  }

  private static String token(Connection connection) {
    try {
      return connection.secrets().require(BigCommerceApi.ACCESS_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }

  private static Duration millis(String value) {
    Long n = number(value);
    return n == null ? null : Duration.ofMillis(n);
  }

  private static Duration seconds(String value) {
    Long n = number(value);
    return n == null ? null : Duration.ofSeconds(n);
  }

  private static Long number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration longer(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
