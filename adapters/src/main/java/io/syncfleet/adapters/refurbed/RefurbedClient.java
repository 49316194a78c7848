package io.syncfleet.adapters.refurbed;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Calls refurbed's gRPC methods through its HTTP/JSON gateway: {@code POST /<service>/<method>} with
 * the token as {@code Authorization: Plain <token>} [C]. A whole call's google.rpc.Status is mapped to
 * the typed failures by its code as well as its HTTP status, since the code is refurbed's own word:
 * RESOURCE_EXHAUSTED is a throttle (the wait from Retry-After, else from {@code X-RateLimit-Reset}),
 * UNAUTHENTICATED and PERMISSION_DENIED pause the connection, the retryable codes are passing faults.
 */
final class RefurbedClient {
  private final MarketplaceHttp http;

  RefurbedClient(MarketplaceHttp http) {
    this.http = http;
  }

  /** The answer of {@code method} to {@code body}; a failed call is thrown as its typed failure. */
  JsonNode call(Connection c, String method, JsonNode body) {
    Request request = new Request.Builder()
        .url(base(c).newBuilder().addPathSegments(method).build())
        .header("Authorization", RefurbedApi.AUTH_PREFIX + token(c))
        .header("Accept", "application/json")
        .post(MarketplaceHttp.json(body))
        .build();
    HttpResult r = http.exchange(request, RefurbedErrors.READER);
    if (r.isSuccess()) {
      return r.json();
    }
    int code = RefurbedErrors.code(r.jsonOrEmpty());
    ErrorDetail e = r.error();
    if (r.status() == 429 || code == RefurbedApi.RESOURCE_EXHAUSTED) {
      throw new RateLimitedFailure(e.message(), r.status(), e.code(), wait(r));
    }
    if (code == RefurbedApi.UNAUTHENTICATED || code == RefurbedApi.PERMISSION_DENIED) {
      throw new AuthenticationFailure(e.message(), r.status(), e.code());
    }
    SyncFailure failure = http.failure(r);
    if (failure != null) {
      throw failure;
    }
    if (RefurbedApi.PASSING.contains(code)) {
      throw new TransientFailure(e.message(), r.status(), e.code(), null);
    }
    throw r.permanent();
  }

  /** The wait a throttled answer asks for: Retry-After, else until the rate-limit window resets. */
  private Duration wait(HttpResult r) {
    Duration retryAfter = RetryAfter.parse(r.header("Retry-After"), http.clock());
    if (retryAfter != null) {
      return retryAfter;
    }
    String reset = r.header(RefurbedApi.RATE_LIMIT_RESET);
    if (reset == null) {
      return null;
    }
    try {
      Duration d = Duration.between(http.clock().instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static HttpUrl base(Connection c) {
    if (c.environment() == Environment.SANDBOX && c.setting(Connection.BASE_URL).isEmpty()) {
      throw new AuthenticationFailure("refurbed has no public sandbox: connection " + c.id()
          + " needs the setting '" + Connection.BASE_URL + "' or the production environment", 0, "no_sandbox");
    }
    return MarketplaceHttp.baseUrl(c, RefurbedApi.PRODUCTION_URL, RefurbedApi.PRODUCTION_URL);
  }

  private static String token(Connection c) {
    try {
      return c.secrets().require(RefurbedApi.TOKEN).trim();
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }
}
