package io.syncfleet.dashboard;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request forgery defence for every state-changing request. Three checks, each enough
 * against a plain forged form: the token double-submitted as the {@value #COOKIE} cookie and the
 * {@value #HEADER} header (another site can neither read the cookie nor set the header), the
 * browser's {@code Origin} (and {@code Sec-Fetch-Site}) naming this server, and JSON-only bodies.
 * Callers without a browser (curl) send the same value in both cookie and header.
 */
final class CsrfGuard {
  /** Cookie carrying the token; readable by the page's script, which echoes it in the header. */
  static final String COOKIE = "sf_csrf";
  /** Header echoing the token. */
  static final String HEADER = "X-CSRF-Token";
  private static final int MIN_TOKEN_LENGTH = 16;

  /** Why the action is refused, or null when it may go ahead. */
  String refusal(WebExchange ex) {
    String origin = foreignOrigin(ex);
    if (origin != null) {
      return origin;
    }
    String cookie = ex.cookie(COOKIE);
    String header = ex.header(HEADER);
    if (cookie == null || header == null || cookie.length() < MIN_TOKEN_LENGTH) {
      return "missing CSRF token: send the " + COOKIE + " cookie and the same value in the " + HEADER + " header";
    }
    if (!AccessGuard.same(header, cookie)) {
      return "CSRF token mismatch";
    }
    return null;
  }

  /** Why the request comes from another site, or null when the browser says it is this one (or says nothing). */
  String foreignOrigin(WebExchange ex) {
    String site = ex.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return "cross-site request refused (Sec-Fetch-Site: " + site + ")";
    }
    String origin = ex.header("Origin");
    String host = ex.header("Host");
    if (origin != null) {
      if (host == null || !sameHost(origin, host)) {
        return "cross-origin request refused (Origin " + origin + ")";
      }
    }
    return null;
  }

  /** A fresh token for the cookie. */
  String newToken() {
    return LoginSessions.randomToken();
  }

  /** Whether the cookie holds a token worth keeping. */
  boolean hasToken(WebExchange ex) {
    String cookie = ex.cookie(COOKIE);
    return cookie != null && cookie.length() >= MIN_TOKEN_LENGTH;
  }

  private static boolean sameHost(String origin, String host) {
    try {
      URI uri = URI.create(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String authority = uri.getRawAuthority();
      return (scheme.equals("http") || scheme.equals("https")) && authority != null
          && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
