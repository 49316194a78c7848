package io.syncfleet.demo.sim;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated eBay's OAuth side: the one application (client id and secret, sent as Basic auth)
 * and refresh token it accepts, the access tokens it issued, and the Bearer check of API calls.
 */
final class EbaySimTokens {
  private static final long LIFETIME_SECONDS = 7200;

  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger minted = new AtomicInteger();

  EbaySimTokens(String clientId, String clientSecret, String refreshToken) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.refreshToken = refreshToken;
  }

  /** Answers {@code POST /identity/v1/oauth2/token} with the refresh-token grant. */
  void mint(SimExchange ex) throws IOException {
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ex.header("Authorization"))) {
      ex.respond(401, oauthError("invalid_client", "client authentication failed"));
      return;
    }
    Map<String, String> form = form(ex.body());
    if (!"refresh_token".equals(form.get("grant_type"))) {
      ex.respond(400, oauthError("unsupported_grant_type", "grant type in request is not supported"));
      return;
    }
    if (!refreshToken.equals(form.get("refresh_token"))) {
      ex.respond(400, oauthError("invalid_grant",
          "the provided authorization refresh token is invalid or was issued to another client"));
      return;
    }
    if (form.get("scope") == null || !form.get("scope").contains("https://api.ebay.com/oauth/api_scope")) {
      ex.respond(400, oauthError("invalid_scope", "the requested scope is invalid, unknown, or malformed"));
      return;
    }
    String token = "v^1.1#sim-" + UUID.randomUUID();
    issued.add(token);
    minted.incrementAndGet();
    ex.respond(200, Map.of("access_token", token, "expires_in", LIFETIME_SECONDS,
        "token_type", "User Access Token"));
  }

  /** Whether the call carries a token this simulator issued and has not revoked. */
  boolean authorized(SimExchange ex) {
    String header = ex.header("Authorization");
    return header != null && header.startsWith("Bearer ") && issued.contains(header.substring(7));
  }

  /** Drops every issued token, as eBay may before they expire. */
  void revokeAll() {
    issued.clear();
  }

  /** Tokens minted since start. */
  int minted() {
    return minted.get();
  }

  private static Map<String, String> oauthError(String error, String description) {
    return Map.of("error", error, "error_description", description);
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
