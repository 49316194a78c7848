package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seller calls to Lazada: signs each one, sends it, and reads the answer. Throttling, credential
 * problems and passing faults are thrown as typed failures whatever the HTTP status; a refused
 * access token is renewed once and the call repeated; any other refusal comes back as a
 * {@link LazadaReply} for the caller to map.
 */
final class LazadaClient {
  private final MarketplaceHttp http;
  private final LazadaAuth auth;

  LazadaClient(MarketplaceHttp http, LazadaAuth auth) {
    this.http = http;
    this.auth = auth;
  }

  LazadaReply get(Connection c, LazadaSettings s, String path, Map<String, String> params) {
    return call(c, s, "GET", path, params);
  }

  LazadaReply post(Connection c, LazadaSettings s, String path, Map<String, String> params) {
    return call(c, s, "POST", path, params);
  }

  private LazadaReply call(Connection c, LazadaSettings s, String method, String path, Map<String, String> params) {
    String token = auth.accessToken(c, s);
    try {
      return attempt(s, method, path, token, params);
    } catch (TokenRefused first) {
      try {
        return attempt(s, method, path, auth.renew(c, s, token), params);
      } catch (TokenRefused again) {
        throw again.failure;
      }
    }
  }

  private LazadaReply attempt(LazadaSettings s, String method, String path, String token,
      Map<String, String> params) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put("app_key", s.appKey());
    system.put("timestamp", String.valueOf(http.clock().millis()));
    system.put("sign_method", LazadaApi.SIGN_METHOD);
    system.put("access_token", token);
    HttpResult r;
    try {
      r = http.send(LazadaSigner.request(s.url(path), method, path, system, params, s.appSecret()),
          LazadaErrors.READER);
    } catch (AuthenticationFailure f) {
      if (f.code() == null ? f.httpStatus() == 401 : LazadaErrors.kind(f.code()) == LazadaErrors.Kind.TOKEN) {
        throw new TokenRefused(f);
      }
      throw LazadaErrors.reclassify(f);
    } catch (SyncFailure f) {
      throw LazadaErrors.reclassify(f);
    }
    JsonNode body = r.isSuccess() ? r.json() : r.jsonOrEmpty();
    String code = LazadaErrors.code(body);
    if (code != null) {
      String message = LazadaErrors.text(body, "message");
      LazadaErrors.Kind kind = LazadaErrors.kind(code);
      if (kind == LazadaErrors.Kind.REFUSED) {
        return new LazadaReply(r.status(), body, code, message);
      }
      SyncFailure failure = LazadaErrors.failure(code, message, r.status());
      if (kind == LazadaErrors.Kind.TOKEN) {
        throw new TokenRefused(failure);
      }
      throw failure;
    }
    if (!r.isSuccess()) {
      throw new PermanentFailure("Lazada answered HTTP " + r.status() + " without an error code", r.status(),
          "http_" + r.status());
    }
    return new LazadaReply(r.status(), body, null, null);
  }

  /** Lazada refused the access token of one attempt. */
  private static final class TokenRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SyncFailure failure;

    TokenRefused(SyncFailure failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
