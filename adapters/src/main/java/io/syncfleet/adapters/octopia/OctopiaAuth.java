package io.syncfleet.adapters.octopia;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.AccessToken;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Octopia authentication: a client-credentials token from Octopia's token server, cached per
 * connection in the shared token cache (Octopia caps tokens per hour [C], so one serves every call
 * until it is about to expire), sent as a Bearer token with the seller id header. A 401 renews the
 * token once and repeats the call; {@value OctopiaApi#QUOTA_EXCEEDED} in any error becomes the
 * rate-limited failure, whatever the HTTP status.
 */
final class OctopiaAuth {
  private final MarketplaceHttp http;
  private final AccessTokenCache tokens;

  OctopiaAuth(MarketplaceHttp http, AccessTokenCache tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  /** Sends {@code request} as the connection's seller; a failed answer is returned as is. */
  HttpResult send(OctopiaSettings s, Request request) {
    try {
      return quota(sendRenewingOnce(s, request));
    } catch (AuthenticationFailure e) {
      throw quotaOr(e);
    }
  }

  private HttpResult sendRenewingOnce(OctopiaSettings s, Request request) {
    Connection c = s.connection();
    String token = tokens.get(c, conn -> mint(s));
    try {
      return http.send(authorized(s, request, token), OctopiaErrors.READER);
    } catch (AuthenticationFailure e) {
      if (e.httpStatus() != 401) {
        throw e;
      }
      // A token can be dropped before its expiry; a fresh one settles whether the client still works.
      tokens.invalidate(c);
      return http.send(authorized(s, request, tokens.get(c, conn -> mint(s))), OctopiaErrors.READER);
    }
  }

  private AccessToken mint(OctopiaSettings s) {
    Connection c = s.connection();
    String clientId;
    String clientSecret;
    try {
      clientId = c.secrets().require(OctopiaApi.CLIENT_ID);
      clientSecret = c.secrets().require(OctopiaApi.CLIENT_SECRET);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    Request request = new Request.Builder().url(s.tokenUrl())
        .post(new FormBody.Builder()
            .add("grant_type", OctopiaApi.GRANT_TYPE)
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .build())
        .build();
    HttpResult r;
    try {
      r = http.send(request, OctopiaErrors.READER);
    } catch (AuthenticationFailure e) {
      SyncFailure quota = quotaOr(e);
      throw quota != e ? quota : refused(e.code(), e.getMessage(), e.httpStatus());
    }
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      if (OctopiaErrors.quotaExceeded(e)) {
        throw throttled(r, e);
      }
      if (e.code() != null && OctopiaApi.BAD_CLIENT.contains(e.code())) {
        throw refused(e.code(), e.message(), r.status());
      }
      throw r.permanent();
    }
    JsonNode body = r.json();
    String token = OctopiaErrors.text(body, "access_token");
    if (token == null || token.isEmpty()) {
      throw new TransientFailure("Octopia's token answer has no access_token", r.status());
    }
    long seconds = body.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : OctopiaApi.DEFAULT_TOKEN_LIFETIME;
    return new AccessToken(token, http.clock().instant().plus(lifetime));
  }

  /** A non-2xx answer other than 401/403/429/5xx that says the quota is spent is a throttle too. */
  private HttpResult quota(HttpResult r) {
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      if (OctopiaErrors.quotaExceeded(e)) {
        throw throttled(r, e);
      }
    }
    return r;
  }

  /** Octopia answers some quota refusals with 403 [C]: that is waiting, not a broken credential. */
  private static SyncFailure quotaOr(AuthenticationFailure e) {
    if (OctopiaErrors.quotaExceeded(new ErrorDetail(e.code(), e.getMessage()))) {
      return new RateLimitedFailure(e.getMessage(), e.httpStatus(), OctopiaApi.QUOTA_EXCEEDED, null);
    }
    return e;
  }

  private RateLimitedFailure throttled(HttpResult r, ErrorDetail e) {
    return new RateLimitedFailure(e.message(), r.status(), OctopiaApi.QUOTA_EXCEEDED,
        RetryAfter.parse(r.header("Retry-After"), http.clock()));
  }

  private static AuthenticationFailure refused(String code, String message, int status) {
    return new AuthenticationFailure("Octopia refuses this connection's client_id/client_secret (" + code + ": "
        + message + "); create new API credentials in the Octopia seller portal and store them", status, code);
  }

  private static Request authorized(OctopiaSettings s, Request request, String token) {
    return request.newBuilder()
        .header("Authorization", "Bearer " + token)
        .header(OctopiaApi.SELLER_ID_HEADER, s.sellerId())
        .header("Accept", "application/json")
        .build();
  }
}
