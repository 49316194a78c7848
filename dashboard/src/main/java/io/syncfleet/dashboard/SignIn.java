package io.syncfleet.dashboard;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser sign-in with the dashboard token: the token is posted once from the sign-in page, then a
 * session cookie (HttpOnly, SameSite=Strict) carries the sign-in. Also hands out the CSRF cookie
 * with every page, and signs out. API callers skip all this and send the token as a bearer header.
 */
final class SignIn {
  private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
  private static final String MESSAGE_SLOT = "<!--message-->";
  private static final int MAX_FORM_BYTES = 4_096;

  private final AccessGuard guard;
  private final CsrfGuard csrf;
  private final StaticAssets assets;

  SignIn(AccessGuard guard, CsrfGuard csrf, StaticAssets assets) {
    this.guard = guard;
    this.csrf = csrf;
    this.assets = assets;
  }

  /** The dashboard page, with a CSRF cookie when the browser has none. */
  void page(WebExchange ex) throws IOException {
    ensureCsrfCookie(ex);
    assets.serve(ex, "index.html");
  }

  /** GET /login: the sign-in form (only when a token is configured). */
  void form(WebExchange ex) throws IOException {
    if (!guard.signInPage()) {
      throw new ApiError(404, "sign-in with a token is not configured (SYNCFLEET_DASHBOARD_TOKEN)");
    }
    sendForm(ex, 200, "");
  }

  /** POST /login: checks the token, opens a session and goes to the dashboard. */
  void submit(WebExchange ex) throws IOException {
    if (!guard.signInPage()) {
      throw new ApiError(404, "sign-in with a token is not configured (SYNCFLEET_DASHBOARD_TOKEN)");
    }
    String foreign = csrf.foreignOrigin(ex);
    if (foreign != null) {
      throw new ApiError(403, foreign);
    }
    String token = formField(new String(ex.body(MAX_FORM_BYTES), StandardCharsets.UTF_8), "token");
    if (!guard.tokenMatches(token)) {
      LOG.warn("dashboard sign-in refused: wrong token");
      sendForm(ex, 401, "<p class=\"error\">That token is not the dashboard's token.</p>");
      return;
    }
    ex.responseHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=" + guard.sessions().open()
        + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LoginSessions.LIFETIME.toSeconds() + secure(ex));
    LOG.info("dashboard sign-in with the token");
    ex.redirect("/");
  }

  /** POST /logout: ends the browser's session. */
  void signOut(WebExchange ex) throws IOException {
    guard.sessions().close(ex.cookie(AccessGuard.SESSION_COOKIE));
    ex.responseHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        + secure(ex));
    ex.sendJson(200, Map.of("signedOut", true));
  }

  private void sendForm(WebExchange ex, int status, String message) throws IOException {
    ensureCsrfCookie(ex);
    String html = new String(assets.get("login.html"), StandardCharsets.UTF_8).replace(MESSAGE_SLOT, message);
    ex.send(status, StaticAssets.type("login.html"), html.getBytes(StandardCharsets.UTF_8));
  }

  private void ensureCsrfCookie(WebExchange ex) {
    if (!csrf.hasToken(ex)) {
      ex.responseHeader("Set-Cookie", CsrfGuard.COOKIE + "=" + csrf.newToken() + "; Path=/; SameSite=Strict" + secure(ex));
    }
  }

  /** Cookies are marked Secure when a TLS-terminating proxy says the browser used HTTPS. */
  private static String secure(WebExchange ex) {
    return "https".equalsIgnoreCase(ex.header("X-Forwarded-Proto")) ? "; Secure" : "";
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }
}
