package io.syncfleet.adapters.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.AccessToken;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Login with Amazon for SP-API calls: exchanges the seller's refresh token (with the application's
 * LWA client id and secret in the form body [V]) for an access token, keeps it in the shared token
 * cache, and sends each call with it in {@code x-amz-access-token}. A refused token is renewed once
 * and the call repeated, since Amazon answers an expired token with 403 as well as 401 [C]. A
 * throttled call carries the wait Amazon's rate header implies.
 */
final class AmazonAuth {
  private final MarketplaceHttp http;
  private final AccessTokenCache tokens;

  AmazonAuth(MarketplaceHttp http, AccessTokenCache tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  /** Sends {@code request} with the connection's access token; a 4xx answer is returned as is. */
  HttpResult send(Connection connection, AmazonSettings s, Request request) {
    String token = token(connection, s);
    try {
      return attempt(request, token);
    } catch (AuthenticationFailure e) {
      // A token can stop working before its hour is up; a fresh one settles whether the grant still does.
      tokens.invalidate(connection);
      String fresh = token(connection, s);
      try {
        return attempt(request, fresh);
      } catch (AuthenticationFailure again) {
        throw new AuthenticationFailure("Amazon refused the call with a fresh access token (" + again.getMessage()
            + "); check that the seller authorized the application and that it has the role this call needs",
            again.httpStatus(), again.code());
      }
    }
  }

  /** Sends a request that needs no access token (pre-signed document URLs), with Amazon's throttle wait. */
  HttpResult sendUnsigned(Request request) {
    AmazonErrorReader reader = new AmazonErrorReader();
    try {
      return http.send(request, reader);
    } catch (RateLimitedFailure e) {
      throw reader.withWait(e);
    }
  }

  private HttpResult attempt(Request request, String token) {
    return sendUnsigned(request.newBuilder().header(AmazonApi.ACCESS_TOKEN_HEADER, token).build());
  }

  /** A valid access token for the connection, exchanged when the cached one is missing or expiring. */
  private String token(Connection connection, AmazonSettings s) {
    return tokens.get(connection, c -> exchange(c, s));
  }

  private AccessToken exchange(Connection connection, AmazonSettings s) {
    String clientId;
    String clientSecret;
    String refreshToken;
    try {
      clientId = connection.secrets().require(AmazonApi.CLIENT_ID);
      clientSecret = connection.secrets().require(AmazonApi.CLIENT_SECRET);
      refreshToken = connection.secrets().require(AmazonApi.REFRESH_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    Request request = new Request.Builder()
        .url(s.tokenUrl())
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken)
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .build())
        .build();
    HttpResult r;
    try {
      r = sendUnsigned(request);
    } catch (AuthenticationFailure e) {
      throw refusedClient(e.getMessage(), e.httpStatus(), e.code());
    }
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      if (AmazonApi.INVALID_GRANT.equals(e.code())) {
        throw new AuthenticationFailure("Amazon no longer accepts this connection's authorization ("
            + e.code() + ": " + e.message() + "); the seller must authorize the application again and the "
            + "new refresh_token be stored", r.status(), e.code());
      }
      if (AmazonApi.INVALID_CLIENT.equals(e.code())) {
        throw refusedClient(e.message(), r.status(), e.code());
      }
      throw r.permanent();
    }
    JsonNode body = r.json();
    String accessToken = AmazonErrors.text(body, "access_token");
    if (accessToken == null || accessToken.isEmpty()) {
      throw new TransientFailure("Login with Amazon's answer has no access_token", r.status());
    }
    long seconds = body.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : AmazonApi.DEFAULT_TOKEN_LIFETIME;
    return new AccessToken(accessToken, http.clock().instant().plus(lifetime));
  }

  private static AuthenticationFailure refusedClient(String message, int status, String code) {
    return new AuthenticationFailure("Login with Amazon refused the application's client_id or client_secret ("
        + message + "); LWA client secrets are rotated, so store the current one", status, code);
  }
}
