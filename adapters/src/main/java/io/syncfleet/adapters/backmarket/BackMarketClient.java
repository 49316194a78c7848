package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.time.Duration;
import okhttp3.Request;

/**
 * Sends Back Market calls: the seller's token as {@code Authorization: Basic <token>}, the market
 * as {@code Accept-Language} and the mandatory User-Agent [V]. A 403 from Cloudflare's firewall or
 * bot management is told apart from Back Market's own 403: it says nothing about the token, so it
 * is a passing failure carrying the {@code cf-ray} Back Market asks for, not an authentication one.
 */
final class BackMarketClient {
  private final MarketplaceHttp http;

  BackMarketClient(MarketplaceHttp http) {
    this.http = http;
  }

  /** Sends {@code request}; throws the typed failure of a throttle, block, 401/403 or 5xx, returns the rest. */
  HttpResult send(Connection c, BackMarketSettings s, Request request) {
    Request signed = request.newBuilder()
        .header("Authorization", BackMarketApi.AUTH_PREFIX + token(c))
        .header("Accept", "application/json")
        .header("Accept-Language", s.market())
        .header("User-Agent", s.userAgent())
        .build();
    HttpResult r = http.exchange(signed, BackMarketErrors.READER);
    String block = BackMarketErrors.firewallBlock(r);
    if (block != null) {
      throw blocked(r, block);
    }
    SyncFailure failure = http.failure(r);
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  private SyncFailure blocked(HttpResult r, String code) {
    String message = "Back Market's firewall blocked the call (" + code + ", cf-ray "
        + r.header(BackMarketApi.CF_RAY) + "); if it persists, send the cf-ray to your Back Market contact "
        + "and check the connection's contact_email and company settings (they form the User-Agent)";
    Duration wait = RetryAfter.parse(r.header("Retry-After"), http.clock());
    if (wait != null) {
      return new RateLimitedFailure(message, r.status(), code, wait);
    }
    return new TransientFailure(message, r.status(), code, null);
  }

  private static String token(Connection c) {
    String token;
    try {
      token = c.secrets().require(BackMarketApi.TOKEN).trim();
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    // Tokens copied with their prefix from Back Market's documentation still work.
    return token.regionMatches(true, 0, BackMarketApi.AUTH_PREFIX, 0, BackMarketApi.AUTH_PREFIX.length())
        ? token.substring(BackMarketApi.AUTH_PREFIX.length()).trim() : token;
  }
}
