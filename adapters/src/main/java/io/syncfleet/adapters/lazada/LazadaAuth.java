package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RotatingTokens;
import io.syncfleet.producer.connection.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lazada access tokens: a connection starts with the access and refresh tokens the seller's
 * authorization produced (access about 30 days, refresh about 180 days [C]). When Lazada refuses the
 * access token, {@value LazadaApi#REFRESH_TOKEN} on the authorization host [V] returns a new access
 * token and a refresh token; the newest pair is kept in memory per connection ({@link RotatingTokens}),
 * since persisting it would need the connection store, which adapters do not touch.
 */
final class LazadaAuth {
  private final MarketplaceHttp http;
  private final RotatingTokens tokens;

  LazadaAuth(MarketplaceHttp http) {
    this.http = http;
    this.tokens = new RotatingTokens(http.clock(), LazadaApi.ACCESS_TOKEN, LazadaApi.REFRESH_TOKEN_SECRET);
  }

  String accessToken(Connection c, LazadaSettings s) {
    return tokens.accessToken(c, (conn, refreshToken) -> refresh(s, refreshToken));
  }

  String renew(Connection c, LazadaSettings s, String refused) {
    return tokens.renew(c, refused, (conn, refreshToken) -> refresh(s, refreshToken));
  }

  private RotatingTokens.Grant refresh(LazadaSettings s, String refreshToken) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put("app_key", s.appKey());
    system.put("timestamp", String.valueOf(http.clock().millis()));
    system.put("sign_method", LazadaApi.SIGN_METHOD);
    HttpResult r;
    try {
      r = http.send(LazadaSigner.request(s.authUrl(LazadaApi.REFRESH_TOKEN), "POST", LazadaApi.REFRESH_TOKEN,
          system, Map.of("refresh_token", refreshToken), s.appSecret()), LazadaErrors.READER);
    } catch (SyncFailure f) {
      SyncFailure reread = LazadaErrors.reclassify(f);
      if (reread instanceof RateLimitedFailure || reread instanceof TransientFailure) {
        throw reread;
      }
      throw refused(f.code(), f.getMessage(), f.httpStatus());
    }
    JsonNode answer = r.isSuccess() ? r.json() : r.jsonOrEmpty();
    String code = LazadaErrors.code(answer);
    if (code != null || !r.isSuccess()) {
      String c = code == null ? "http_" + r.status() : code;
      String message = LazadaErrors.text(answer, "message");
      LazadaErrors.Kind kind = LazadaErrors.kind(c);
      if (kind == LazadaErrors.Kind.THROTTLED || kind == LazadaErrors.Kind.PASSING) {
        throw LazadaErrors.failure(c, message, r.status());
      }
      throw refused(c, message, r.status());
    }
    String accessToken = LazadaErrors.text(answer, "access_token");
    if (accessToken == null || accessToken.isEmpty()) {
      throw new TransientFailure("Lazada's token answer has no access_token", r.status());
    }
    long seconds = answer.path("expires_in").asLong(0);
    return new RotatingTokens.Grant(accessToken,
        seconds > 0 ? http.clock().instant().plus(Duration.ofSeconds(seconds)) : null,
        LazadaErrors.text(answer, "refresh_token"));
  }

  /** A refused refresh: only a new authorization by the seller helps. */
  private static AuthenticationFailure refused(String code, String message, int status) {
    return new AuthenticationFailure("Lazada no longer accepts this connection's refresh token (" + code + ": "
        + message + "); have the seller authorize Syncfleet again and store the new access_token and "
        + "refresh_token", status, code);
  }
}
