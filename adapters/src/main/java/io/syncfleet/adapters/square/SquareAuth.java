package io.syncfleet.adapters.square;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.AccessToken;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import okhttp3.Request;

/**
 * Square authentication: every call carries {@value SquareApi#VERSION_HEADER} and a Bearer token
 * [V]. The token is the connection's personal access token, which does not expire, or, for an OAuth
 * (code flow) connection, an access token minted from its refresh token with the app's client id and
 * secret [V SDK]: that refresh token is reusable and does not expire [V SDK], access tokens last 30
 * days [V SDK]. Minted tokens are cached; on a 401 one is minted afresh and the call repeated once.
 */
final class SquareAuth {
  private final MarketplaceHttp http;
  private final AccessTokenCache tokens;

  SquareAuth(MarketplaceHttp http, AccessTokenCache tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  /** Sends {@code request} authenticated; an answer other than 401/403/408/429/5xx is returned as is. */
  HttpResult send(Connection c, SquareSettings s, Request request) {
    if (!oauth(c)) {
      return http.send(signed(request, personalToken(c)), SquareErrors.READER);
    }
    try {
      return http.send(signed(request, tokens.get(c, conn -> mint(conn, s))), SquareErrors.READER);
    } catch (AuthenticationFailure e) {
      if (e.httpStatus() != 401) {
        throw e;
      }
      // A token can be revoked before it expires; a fresh one settles whether the grant still works.
      tokens.invalidate(c);
      return http.send(signed(request, tokens.get(c, conn -> mint(conn, s))), SquareErrors.READER);
    }
  }

  private static boolean oauth(Connection c) {
    return c.secrets().get(SquareApi.REFRESH_TOKEN).filter(t -> !t.isEmpty()).isPresent();
  }

  private static String personalToken(Connection c) {
    try {
      return c.secrets().require(SquareApi.ACCESS_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage() + " (or an OAuth refresh_token with client_id and client_secret)",
          0, "missing_credential");
    }
  }

  private AccessToken mint(Connection c, SquareSettings s) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    try {
      body.put("client_id", c.secrets().require(SquareApi.CLIENT_ID));
      body.put("client_secret", c.secrets().require(SquareApi.CLIENT_SECRET));
      body.put("grant_type", "refresh_token");
      body.put("refresh_token", c.secrets().require(SquareApi.REFRESH_TOKEN));
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    HttpResult r = http.send(new Request.Builder().url(s.url(SquareApi.TOKEN))
        .header(SquareApi.VERSION_HEADER, SquareApi.VERSION)
        .post(MarketplaceHttp.json(body)).build(), SquareErrors.READER);
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      throw new AuthenticationFailure("Square no longer accepts this connection's refresh token (" + e.message()
          + "); the seller must authorize the app again and the new refresh_token be stored", r.status(), e.code());
    }
    JsonNode answer = r.json();
    String token = SquareErrors.text(answer, "access_token");
    if (token == null || token.isEmpty()) {
      throw new TransientFailure("Square's token answer has no access_token", r.status());
    }
    return new AccessToken(token, expiry(SquareErrors.text(answer, "expires_at")));
  }

  /** When a minted token expires; without a readable {@code expires_at}, after the documented lifetime. */
  private Instant expiry(String expiresAt) {
    Instant fallback = http.clock().instant().plus(SquareApi.DEFAULT_TOKEN_LIFETIME);
    if (expiresAt == null) {
      return fallback;
    }
    try {
      return Instant.parse(expiresAt);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  private static Request signed(Request request, String token) {
    return request.newBuilder()
        .header("Authorization", "Bearer " + token)
        .header(SquareApi.VERSION_HEADER, SquareApi.VERSION)
        .header("Accept", "application/json")
        .build();
  }
}
