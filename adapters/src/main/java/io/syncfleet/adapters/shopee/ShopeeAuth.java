package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RotatingTokens;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Shopee access tokens [V]: a connection starts with the access and refresh tokens the seller's
 * authorization produced; an access token lives 4 hours and is renewed with
 * {@value ShopeeApi#REFRESH_TOKEN}, which spends the refresh token and returns a new one. The newest
 * pair is kept in memory per connection ({@link RotatingTokens}); persisting it would need the
 * connection store, which adapters do not touch.
 */
final class ShopeeAuth {
  private final MarketplaceHttp http;
  private final RotatingTokens tokens;

  ShopeeAuth(MarketplaceHttp http) {
    this.http = http;
    this.tokens = new RotatingTokens(http.clock(), ShopeeApi.ACCESS_TOKEN, ShopeeApi.REFRESH_TOKEN_SECRET);
  }

  /** A usable access token for the connection. */
  String accessToken(Connection c, ShopeeSettings s) {
    return tokens.accessToken(c, (conn, refreshToken) -> refresh(s, refreshToken));
  }

  /** A new access token after Shopee refused {@code refused}. */
  String renew(Connection c, ShopeeSettings s, String refused) {
    return tokens.renew(c, refused, (conn, refreshToken) -> refresh(s, refreshToken));
  }

  private RotatingTokens.Grant refresh(ShopeeSettings s, String refreshToken) {
    long timestamp = http.clock().instant().getEpochSecond();
    HttpUrl url = s.url(ShopeeApi.REFRESH_TOKEN).newBuilder()
        .addQueryParameter("partner_id", String.valueOf(s.partnerId()))
        .addQueryParameter("timestamp", String.valueOf(timestamp))
        .addQueryParameter("sign", ShopeeSigner.publicCall(s.partnerKey(), s.partnerId(), ShopeeApi.REFRESH_TOKEN,
            timestamp))
        .build();
    ObjectNode body = Json.MAPPER.createObjectNode()
        .put("refresh_token", refreshToken)
        .put("partner_id", s.partnerId())
        .put("shop_id", s.shopId());
    HttpResult r;
    try {
      r = http.send(new Request.Builder().url(url).post(MarketplaceHttp.json(body)).build(), ShopeeErrors.READER);
    } catch (SyncFailure f) {
      SyncFailure reread = ShopeeErrors.reclassify(f, http.clock());
      if (reread instanceof RateLimitedFailure || reread instanceof TransientFailure) {
        throw reread;
      }
      throw refused(f.code(), f.getMessage(), f.httpStatus());
    }
    JsonNode answer = r.json();
    String code = ShopeeErrors.code(answer);
    if (code != null || !r.isSuccess()) {
      String c = code == null ? "http_" + r.status() : code;
      String message = ShopeeErrors.text(answer, "message");
      ShopeeErrors.Kind kind = ShopeeErrors.kind(c, message);
      if (kind == ShopeeErrors.Kind.THROTTLED || kind == ShopeeErrors.Kind.PASSING) {
        throw ShopeeErrors.failure(c, message, r.status(), http.clock());
      }
      throw refused(c, message, r.status());
    }
    String accessToken = ShopeeErrors.text(answer, "access_token");
    if (accessToken == null || accessToken.isEmpty()) {
      throw new TransientFailure("Shopee's token answer has no access_token", r.status());
    }
    long seconds = answer.path("expire_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : ShopeeApi.ACCESS_TOKEN_LIFETIME;
    return new RotatingTokens.Grant(accessToken, http.clock().instant().plus(lifetime),
        ShopeeErrors.text(answer, "refresh_token"));
  }

  /** A refused refresh: only a new authorization by the seller helps. */
  private static AuthenticationFailure refused(String code, String message, int status) {
    return new AuthenticationFailure("Shopee no longer accepts this connection's refresh token (" + code + ": "
        + message + "). Refresh tokens are single-use and last 30 days; have the seller authorize Syncfleet "
        + "again and store the new access_token and refresh_token", status, code);
  }
}
