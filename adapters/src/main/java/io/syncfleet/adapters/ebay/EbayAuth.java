package io.syncfleet.adapters.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.AccessToken;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * eBay OAuth2 for API calls: mints a user access token from the merchant's refresh token
 * (refresh-token grant, client id and secret as Basic auth), keeps it in the shared token cache,
 * sends each call with it as a Bearer token, and on a 401 renews it once and repeats the call.
 */
final class EbayAuth {
  private final MarketplaceHttp http;
  private final AccessTokenCache tokens;

  EbayAuth(MarketplaceHttp http, AccessTokenCache tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  /** Sends {@code request} with the connection's access token; a failed answer is returned as is. */
  HttpResult send(Connection connection, Request request) {
    String token = token(connection);
    try {
      return http.send(bearer(request, token), EbayErrors.READER);
    } catch (AuthenticationFailure e) {
      if (e.httpStatus() != 401) {
        throw e;
      }
      // eBay can drop a token before its expiry; a fresh one settles whether the grant still works.
      tokens.invalidate(connection);
      return http.send(bearer(request, token(connection)), EbayErrors.READER);
    }
  }

  /** A valid access token for the connection, minted when the cached one is missing or expiring. */
  String token(Connection connection) {
    return tokens.get(connection, this::mint);
  }

  private AccessToken mint(Connection connection) {
    String clientId;
    String clientSecret;
    String refreshToken;
    try {
      clientId = connection.secrets().require(EbayApi.CLIENT_ID);
      clientSecret = connection.secrets().require(EbayApi.CLIENT_SECRET);
      refreshToken = connection.secrets().require(EbayApi.REFRESH_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    Request request = new Request.Builder()
        .url(EbaySettings.of(connection).url(EbayApi.TOKEN_PATH))
        .header("Authorization", Credentials.basic(clientId, clientSecret, StandardCharsets.UTF_8))
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken)
            .add("scope", String.join(" ", EbayApi.SCOPES))
            .build())
        .build();
    HttpResult r = http.send(request, EbayErrors.READER);
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      if (EbayApi.INVALID_GRANT.equals(e.code()) || EbayApi.INVALID_SCOPE.equals(e.code())) {
        throw new AuthenticationFailure("eBay no longer accepts this connection's authorization ("
            + e.code() + ": " + e.message() + "); the merchant must re-authorize Syncfleet on eBay and "
            + "store the new refresh_token", r.status(), e.code());
      }
      throw r.permanent();
    }
    JsonNode body = r.json();
    String accessToken = EbayErrors.text(body, "access_token");
    if (accessToken == null || accessToken.isEmpty()) {
      throw new TransientFailure("eBay's token answer has no access_token", r.status());
    }
    long seconds = body.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : EbayApi.DEFAULT_TOKEN_LIFETIME;
    return new AccessToken(accessToken, http.clock().instant().plus(lifetime));
  }

  private static Request bearer(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
