package io.syncfleet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read and act: refusals without or with wrong credentials, browser sign-in and sign-out,
 * read-only mode, CSRF refusals, the host check of an open dashboard, and the security headers.
 * Every refused action is checked to have changed nothing in Redis.
 */
class DashboardSecurityTest {
  private static final String TOKEN = "security-test-token-0123456789";
  private static final String USER = "ops";
  private static final String PASSWORD = "correct horse battery";

  private static TestRedis redis;
  private static Keys keys;
  private static DashboardServer both;
  private static DashboardServer tokenOnly;
  private static DashboardServer readOnly;
  private static DashboardServer open;

  @BeforeAll
  static void start() throws IOException {
    redis = TestRedis.open();
    keys = redis.keys();
    FleetSeed.into(redis);
    both = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, USER, PASSWORD, false));
    tokenOnly = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, null, null, false));
    readOnly = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, null, null, true));
    open = DashboardServer.start(DashboardSettings.local(redis.settings(), 0));
  }

  @AfterAll
  static void stop() {
    for (DashboardServer s : List.of(both, tokenOnly, readOnly, open)) {
      s.close();
    }
    redis.close();
  }

  @Test
  void everyRouteButSignInNeedsCredentials() {
    DashboardClient anonymous = new DashboardClient(both.address(), null);
    for (String path : List.of("/api/session", "/api/overview", "/api/queues", "/api/queues/urgent/peek",
        "/api/workers", "/api/scheduled", "/api/dead", "/api/dead/" + FleetSeed.DEAD_STOCK, "/api/connections",
        "/api/orders", "/api/resyncs", "/metrics", "/assets/app.js", "/")) {
      HttpResponse<String> r = anonymous.get(path);
      assertEquals(401, r.statusCode(), path);
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), path);
    }
    assertEquals(401, anonymous.post("/api/queues/urgent/pause", null).statusCode());
    assertEquals(401, anonymous.post("/api/dead/" + FleetSeed.DEAD_STOCK + "/retry", null).statusCode());
    assertEquals(200, anonymous.get("/login").statusCode());
    assertEquals(200, anonymous.get("/assets/app.css").statusCode());
    assertNothingChanged();
  }

  @Test
  void wrongCredentialsAreRefusedAndRightOnesLetIn() {
    assertEquals(401, new DashboardClient(both.address(), DashboardClient.bearer(TOKEN + "x")).get("/api/session").statusCode());
    assertEquals(401, new DashboardClient(both.address(), DashboardClient.bearer(TOKEN.substring(1))).get("/api/session").statusCode());
    assertEquals(401, new DashboardClient(both.address(), DashboardClient.basic(USER, PASSWORD + "!")).get("/api/session").statusCode());
    assertEquals(401, new DashboardClient(both.address(), DashboardClient.basic("root", PASSWORD)).get("/api/session").statusCode());
    assertEquals(401, new DashboardClient(both.address(), "Basic not-base64!").get("/api/session").statusCode());
    assertEquals(401, new DashboardClient(tokenOnly.address(), DashboardClient.basic(USER, PASSWORD)).get("/api/session").statusCode());

    assertEquals("token", new DashboardClient(both.address(), DashboardClient.bearer(TOKEN)).json("/api/session")
        .path("signedInAs").asText());
    assertEquals("basic:ops", new DashboardClient(both.address(), DashboardClient.basic(USER, PASSWORD))
        .json("/api/session").path("signedInAs").asText());
  }

  @Test
  void browsersSignInWithTheTokenAndOut() {
    DashboardClient browser = new DashboardClient(tokenOnly.address(), null);
    HttpResponse<String> page = browser.get("/");
    assertEquals(303, page.statusCode());
    assertEquals("/login", page.headers().firstValue("Location").orElse(""));

    HttpResponse<String> wrong = browser.postRaw("/login", "application/x-www-form-urlencoded", "token=nope");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("not the dashboard's token"));
    assertTrue(wrong.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(AccessGuard.SESSION_COOKIE)));

    HttpResponse<String> foreign = browser.postRaw("/login", "application/x-www-form-urlencoded", "token=" + TOKEN,
        "Origin", "http://evil.example");
    assertEquals(403, foreign.statusCode());

    HttpResponse<String> right = browser.postRaw("/login", "application/x-www-form-urlencoded", "token=" + TOKEN);
    assertEquals(303, right.statusCode());
    String cookie = right.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(AccessGuard.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String session = cookie.substring(0, cookie.indexOf(';'));
    assertFalse(session.contains(TOKEN), "the session id is not the token");

    DashboardClient signedIn = new DashboardClient(tokenOnly.address(), null);
    assertEquals("session", DashboardClient.parse(signedIn.get("/api/session", "Cookie", session)).path("signedInAs").asText());
    assertEquals(200, signedIn.get("/", "Cookie", session).statusCode());

    HttpResponse<String> out = signedIn.postRaw("/logout", null, "", "Cookie",
        session + "; " + CsrfGuard.COOKIE + "=" + DashboardClient.CSRF, CsrfGuard.HEADER, DashboardClient.CSRF);
    assertEquals(200, out.statusCode());
    assertEquals(401, signedIn.get("/api/session", "Cookie", session).statusCode());
  }

  @Test
  void readOnlyModeRefusesEveryActionButStillShowsTheFleet() {
    DashboardClient c = new DashboardClient(readOnly.address(), DashboardClient.bearer(TOKEN));
    assertTrue(c.json("/api/session").path("readOnly").asBoolean());
    assertEquals(3, c.json("/api/dead").path("total").asInt());
    for (String path : List.of("/api/queues/urgent/pause", "/api/queues/bulk/resume",
        "/api/dead/" + FleetSeed.DEAD_STOCK + "/retry", "/api/dead/" + FleetSeed.DEAD_STOCK + "/remove")) {
      HttpResponse<String> r = c.post(path, null);
      assertEquals(403, r.statusCode(), path);
      assertTrue(r.body().contains("read-only"), r.body());
    }
    assertEquals(403, c.post("/api/dead/retry", "{\"all\":true}").statusCode());
    assertEquals(403, c.post("/api/dead/remove", "{\"all\":true}").statusCode());
    assertNothingChanged();
  }

  @Test
  void actionsWithoutAMatchingCsrfTokenOrFromAnotherOriginAreRefused() {
    DashboardClient c = new DashboardClient(both.address(), DashboardClient.bearer(TOKEN));
    String retry = "/api/dead/" + FleetSeed.DEAD_STOCK + "/retry";
    assertEquals(403, c.postRaw(retry, null, "").statusCode(), "no token at all");
    assertEquals(403, c.postRaw(retry, null, "", "Cookie", CsrfGuard.COOKIE + "=" + DashboardClient.CSRF).statusCode(),
        "cookie without header");
    assertEquals(403, c.postRaw(retry, null, "", CsrfGuard.HEADER, DashboardClient.CSRF).statusCode(),
        "header without cookie");
    assertEquals(403, c.postRaw(retry, null, "", "Cookie", CsrfGuard.COOKIE + "=" + DashboardClient.CSRF,
        CsrfGuard.HEADER, DashboardClient.CSRF + "x").statusCode(), "mismatch");
    assertEquals(403, c.postRaw(retry, null, "", "Cookie", CsrfGuard.COOKIE + "=short", CsrfGuard.HEADER, "short")
        .statusCode(), "too short to be a token");
    assertEquals(403, c.post(retry, null, "Origin", "http://evil.example").statusCode(), "foreign origin");
    assertEquals(403, c.post(retry, null, "Origin", "null").statusCode(), "opaque origin");
    assertEquals(403, c.post(retry, null, "Sec-Fetch-Site", "cross-site").statusCode(), "cross-site fetch");
    assertEquals(403, c.post("/api/queues/urgent/pause", null, "Origin", "http://evil.example").statusCode());
    assertEquals(415, c.postRaw("/api/dead/retry", "application/x-www-form-urlencoded", "all=true",
        "Cookie", CsrfGuard.COOKIE + "=" + DashboardClient.CSRF, CsrfGuard.HEADER, DashboardClient.CSRF).statusCode(),
        "a form post cannot make a bulk action");
    assertNothingChanged();

    String self = "http://" + both.address().getAuthority();
    assertEquals(200, c.post("/api/queues/urgent/pause", null, "Origin", self, "Sec-Fetch-Site", "same-origin").statusCode());
    assertEquals(200, c.post("/api/queues/urgent/resume", null).statusCode());
  }

  @Test
  void thePageHandsOutACsrfCookieTheScriptCanRead() {
    HttpResponse<String> page = new DashboardClient(both.address(), DashboardClient.bearer(TOKEN)).get("/");
    String cookie = page.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(CsrfGuard.COOKIE + "=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("SameSite=Strict") && !cookie.contains("HttpOnly"), cookie);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    DashboardClient c = new DashboardClient(both.address(), DashboardClient.bearer(TOKEN));
    for (String path : List.of("/", "/api/overview", "/metrics", "/api/nope")) {
      HttpResponse<String> r = c.get(path);
      Map<String, List<String>> h = r.headers().map();
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path + " " + h);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
    }
  }

  @Test
  void anOpenDashboardAnswersOnlyToLocalhost() throws IOException {
    assertEquals(200, new DashboardClient(open.address(), null).get("/api/session").statusCode());
    assertTrue(rawGet(open.address(), "localhost:" + open.port()).startsWith("HTTP/1.1 200"));
    assertTrue(rawGet(open.address(), "attacker.example:" + open.port()).startsWith("HTTP/1.1 403"),
        "a rebound host name is refused");
  }

  @Test
  void settingsRefuseAnOpenDashboardOffLoopbackAndWeakCredentials() {
    Map<String, String> base = Map.of("SYNCFLEET_NAMESPACE", "x");
    assertEquals("127.0.0.1", DashboardSettings.fromEnv(base).host());
    assertEquals(DashboardSettings.DEFAULT_PORT, DashboardSettings.fromEnv(base).port());
    assertEquals("0.0.0.0", DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_TOKEN", TOKEN)).host());
    assertThrows(IllegalArgumentException.class,
        () -> DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_HOST", "0.0.0.0")));
    assertThrows(IllegalArgumentException.class,
        () -> DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_USER", "ops")));
    assertThrows(IllegalArgumentException.class,
        () -> DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_TOKEN", "short")));
    assertThrows(IllegalArgumentException.class,
        () -> DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_READONLY", "yes")));
    DashboardSettings s = DashboardSettings.fromEnv(Map.of("SYNCFLEET_DASHBOARD_TOKEN", TOKEN,
        "SYNCFLEET_DASHBOARD_USER", USER, "SYNCFLEET_DASHBOARD_PASSWORD", PASSWORD, "SYNCFLEET_DASHBOARD_READONLY", "true"));
    assertTrue(s.readOnly());
    assertFalse(s.toString().contains(TOKEN) || s.toString().contains(PASSWORD), s.toString());
  }

  /** Nothing the refused requests asked for happened. */
  private static void assertNothingChanged() {
    assertEquals(3L, redis.<Long>with(j -> j.zcard(keys.dead())));
    assertEquals(List.of("bulk"), List.copyOf(redis.with(j -> j.smembers(keys.pausedQueues()))));
    assertEquals(2L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));
  }

  /** A GET with a Host header of our choosing, which java.net.http does not allow setting. */
  private static String rawGet(URI address, String host) throws IOException {
    try (Socket socket = new Socket(address.getHost(), address.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/session HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
