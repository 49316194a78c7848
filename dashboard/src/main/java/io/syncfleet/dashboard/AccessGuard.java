package io.syncfleet.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may use the dashboard: a caller presenting the token ({@code Authorization: Bearer}), basic
 * auth with the configured user and password, or a browser session opened with the token on the
 * sign-in page. Every comparison of a presented secret is constant-time over SHA-256 digests, so
 * neither its content nor its length leaks through timing. With no credentials configured everyone
 * who reaches the server is let in, which is why it then listens on loopback only.
 */
final class AccessGuard {
  /** Cookie holding a browser session id. */
  static final String SESSION_COOKIE = "sf_session";
  private static final String REALM = "Syncfleet dashboard";

  private final DashboardSettings settings;
  private final LoginSessions sessions;

  AccessGuard(DashboardSettings settings, LoginSessions sessions) {
    this.settings = settings;
    this.sessions = sessions;
  }

  /** Who the request comes from, or null when it is not let in. */
  String identify(WebExchange ex) {
    if (!settings.authRequired()) {
      return "local";
    }
    String authorization = ex.header("Authorization");
    if (authorization != null) {
      int space = authorization.indexOf(' ');
      String scheme = space < 0 ? authorization : authorization.substring(0, space);
      String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
      if (scheme.equalsIgnoreCase("Bearer") && tokenMatches(credentials)) {
        return "token";
      }
      if (scheme.equalsIgnoreCase("Basic") && settings.user() != null) {
        String user = basicUser(credentials);
        if (user != null) {
          return "basic:" + user;
        }
      }
    }
    if (settings.token() != null && sessions.valid(ex.cookie(SESSION_COOKIE))) {
      return "session";
    }
    return null;
  }

  /**
   * Whether the request names this server by a loopback name. An open dashboard answers only to
   * those, so a page elsewhere that rebinds its own host name to 127.0.0.1 cannot read or act on it.
   */
  boolean hostAllowed(WebExchange ex) {
    if (settings.authRequired()) {
      return true;
    }
    String host = ex.header("Host");
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    return name.equalsIgnoreCase("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
  }

  /** Whether {@code presented} is the configured token. */
  boolean tokenMatches(String presented) {
    return settings.token() != null && presented != null && same(presented, settings.token());
  }

  /** Whether browsers can sign in on the sign-in page (a token is configured). */
  boolean signInPage() {
    return settings.token() != null;
  }

  /** Whether browsers get a basic-auth prompt. */
  boolean basic() {
    return settings.user() != null;
  }

  /** The {@code WWW-Authenticate} challenge for a refused request. */
  String challenge() {
    return basic() ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"" : "Bearer realm=\"" + REALM + "\"";
  }

  LoginSessions sessions() {
    return sessions;
  }

  /** The user, when the basic credentials are right. */
  private String basicUser(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    // Both are compared whatever the first says, so timing does not tell which one was wrong.
    boolean userOk = same(user, settings.user());
    boolean passwordOk = same(decoded.substring(colon + 1), settings.password());
    return userOk & passwordOk ? user : null;
  }

  static boolean same(String presented, String expected) {
    return MessageDigest.isEqual(LoginSessions.digest(presented).getBytes(StandardCharsets.US_ASCII),
        LoginSessions.digest(expected).getBytes(StandardCharsets.US_ASCII));
  }
}
