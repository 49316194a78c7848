package io.syncfleet.adapters.manomano;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import okhttp3.Request;

/**
 * Sends ManoMano Partner API calls with the seller's {@code x-api-key} and the integration's
 * {@code x-thirdparty-name} [C]. ManoMano sits behind Cloudflare, whose 429 may give its wait only in
 * the JSON body ({@code retry_after}, seconds) [C]: it is read when there is no Retry-After header.
 */
final class ManoManoClient {
  private final MarketplaceHttp http;

  ManoManoClient(MarketplaceHttp http) {
    this.http = http;
  }

  /** Sends {@code request}; throws the typed failure of a throttle, 401/403 or 5xx, returns the rest. */
  HttpResult send(Connection c, ManoManoSettings s, Request request) {
    Request signed = request.newBuilder()
        .header(ManoManoApi.API_KEY_HEADER, apiKey(c))
        .header(ManoManoApi.THIRDPARTY_HEADER, s.thirdPartyName())
        .header("Accept", "application/json")
        .build();
    HttpResult r = http.exchange(signed, ManoManoErrors.READER);
    if (r.status() == 429) {
      ErrorDetail e = r.error();
      Duration wait = RetryAfter.parse(r.header("Retry-After"), http.clock());
      throw new RateLimitedFailure(e.message(), r.status(), e.code(),
          wait != null ? wait : ManoManoErrors.retryAfterInBody(r));
    }
    SyncFailure failure = http.failure(r);
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  private static String apiKey(Connection c) {
    try {
      return c.secrets().require(ManoManoApi.API_KEY).trim();
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }
}
