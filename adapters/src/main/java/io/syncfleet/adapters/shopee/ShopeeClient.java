package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Shop calls to Shopee: signs each one with the partner key, access token and shop id, sends it,
 * and reads the envelope. Throttling, credential problems and passing faults are thrown as typed
 * failures whatever the HTTP status; a refused access token is renewed once and the call repeated;
 * any other refusal comes back as a {@link ShopeeReply} for the caller to map.
 */
final class ShopeeClient {
  private final MarketplaceHttp http;
  private final ShopeeAuth auth;

  ShopeeClient(MarketplaceHttp http, ShopeeAuth auth) {
    this.http = http;
    this.auth = auth;
  }

  /** GET {@code path} with the business parameters {@code query} adds. */
  ShopeeReply get(Connection c, ShopeeSettings s, String path, Consumer<HttpUrl.Builder> query) {
    return call(c, s, path, url -> {
      HttpUrl.Builder b = url.newBuilder();
      query.accept(b);
      return new Request.Builder().url(b.build()).get().build();
    });
  }

  /** POST {@code path} with a JSON body. */
  ShopeeReply post(Connection c, ShopeeSettings s, String path, JsonNode body) {
    return call(c, s, path, url -> new Request.Builder().url(url).post(MarketplaceHttp.json(body)).build());
  }

  /** POST {@code path} with a ready body (multipart uploads). */
  ShopeeReply post(Connection c, ShopeeSettings s, String path, RequestBody body) {
    return call(c, s, path, url -> new Request.Builder().url(url).post(body).build());
  }

  private ShopeeReply call(Connection c, ShopeeSettings s, String path, Function<HttpUrl, Request> request) {
    String token = auth.accessToken(c, s);
    try {
      return attempt(s, path, token, request);
    } catch (TokenRefused first) {
      // Shopee can retire a token before its 4 hours; a fresh one settles whether the grant still works.
      try {
        return attempt(s, path, auth.renew(c, s, token), request);
      } catch (TokenRefused again) {
        throw again.failure;
      }
    }
  }

  private ShopeeReply attempt(ShopeeSettings s, String path, String token, Function<HttpUrl, Request> request) {
    long timestamp = http.clock().instant().getEpochSecond();
    HttpUrl url = s.url(path).newBuilder()
        .addQueryParameter("partner_id", String.valueOf(s.partnerId()))
        .addQueryParameter("timestamp", String.valueOf(timestamp))
        .addQueryParameter("access_token", token)
        .addQueryParameter("shop_id", String.valueOf(s.shopId()))
        .addQueryParameter("sign", ShopeeSigner.shopCall(s.partnerKey(), s.partnerId(), path, timestamp, token,
            s.shopId()))
        .build();
    HttpResult r;
    try {
      r = http.send(request.apply(url), ShopeeErrors.READER);
    } catch (AuthenticationFailure f) {
      if (f.code() == null ? f.httpStatus() == 401 : ShopeeErrors.kind(f.code(), f.getMessage())
          == ShopeeErrors.Kind.TOKEN) {
        throw new TokenRefused(f);
      }
      throw ShopeeErrors.reclassify(f, http.clock());
    } catch (SyncFailure f) {
      throw ShopeeErrors.reclassify(f, http.clock());
    }
    JsonNode body = r.isSuccess() ? r.json() : r.jsonOrEmpty();
    String code = ShopeeErrors.code(body);
    if (code != null) {
      String message = ShopeeErrors.text(body, "message");
      ShopeeErrors.Kind kind = ShopeeErrors.kind(code, message);
      if (kind == ShopeeErrors.Kind.REFUSED) {
        return new ShopeeReply(r.status(), body, code, message);
      }
      SyncFailure failure = ShopeeErrors.failure(code, message, r.status(), http.clock());
      if (kind == ShopeeErrors.Kind.TOKEN) {
        throw new TokenRefused(failure);
      }
      throw failure;
    }
    if (!r.isSuccess()) {
      throw new PermanentFailure("Shopee answered HTTP " + r.status() + " without an error code", r.status(),
          "http_" + r.status());
    }
    return new ShopeeReply(r.status(), body, null, null);
  }

  /** Shopee refused the access token of one attempt. */
  private static final class TokenRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SyncFailure failure;

    TokenRefused(SyncFailure failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
