package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class BackMarketFailuresTest {
  private static final String THROTTLED = "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Slow down\"}}";

  @RegisterExtension
  final BackMarketFixture bm = new BackMarketFixture(Duration.ofMillis(300));

  @Test
  void throttledWithRetryAfterCarriesTheWait() {
    bm.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "10").setBody(THROTTLED));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(10), e.retryAfter().orElseThrow());
    assertEquals("too_many_requests", e.code());
  }

  @Test
  void throttledWithoutRetryAfterLeavesTheWaitToTheWorker() {
    bm.reply(429, THROTTLED);

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals(429, e.httpStatus());
  }

  @Test
  void cloudflaresHtmlBlockIsAPassingFailureWithTheCfRayNotBadCredentials() {
    bm.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "text/html; charset=UTF-8")
        .setHeader("server", "cloudflare").setHeader("cf-ray", "931354450813d142-CDG")
        .setBody("<!DOCTYPE html><html><title>Attention Required!</title></html>"));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("waf_blocked", e.code());
    assertEquals(403, e.httpStatus());
    assertTrue(e.getMessage().contains("931354450813d142-CDG"), e.getMessage());
  }

  @Test
  void aBlockThatSaysWhenToComeBackIsAThrottle() {
    bm.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "text/html")
        .setHeader("Retry-After", "15").setBody("<html>blocked</html>"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(15), e.retryAfter().orElseThrow());
    assertEquals("waf_blocked", e.code());
  }

  @Test
  void botManagementsChallengeIsAPassingFailure() {
    bm.reply(403, "{\"errors\":[{\"code\":\"bot-need-challenge\",\"message\":\"Forbidden\","
        + "\"challengePath\":\"/testchallengepage\"}]}");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("bot-need-challenge", e.code());
  }

  @Test
  void backMarketsOwnForbiddenIsAnAuthenticationFailure() {
    bm.reply(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"Authenticated user is not a merchant\"},"
        + "\"requestId\":\"r-1\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("forbidden", e.code());
    assertEquals("Authenticated user is not a merchant (request r-1)", e.getMessage());
  }

  @Test
  void anUnknownTokenIsAnAuthenticationFailure() {
    bm.reply(401, "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"Invalid token\"}}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals(401, e.httpStatus());
  }

  @Test
  void aServerErrorIsTransient() {
    bm.reply(502, "<html>Bad gateway</html>");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(502, e.httpStatus());
    assertEquals("HTTP 502", e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    bm.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    bm.reply(200, "<html>maintenance</html>");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void aRejectedRequestIsPermanentWithTheProblemsDetails() {
    bm.reply(400, "{\"type\":\"/errors/bad-request\",\"title\":\"Your request parameters didn't validate.\","
        + "\"status\":400,\"errors\":[{\"type\":\"/errors/validation-error\",\"title\":\"Invalid date\","
        + "\"detail\":\"date_modification must be RFC 3339\",\"target\":\"date_modification\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("/errors/validation-error", e.code());
    assertEquals("date_modification: date_modification must be RFC 3339", e.getMessage());
  }

  @Test
  void aMissingTokenOrContactEmailPausesTheConnectionBeforeAnyCall() {
    AuthenticationFailure noToken = assertThrows(AuthenticationFailure.class,
        () -> bm.adapter.fetchOrders(bm.connection(Map.of(), Secrets.none()), OrderCursor.START));
    AuthenticationFailure noEmail = assertThrows(AuthenticationFailure.class, () -> bm.adapter.fetchOrders(
        bm.connection(Map.of("contact_email", ""), Secrets.of(Map.of("token", "t"))), OrderCursor.START));
    AuthenticationFailure badMarket = assertThrows(AuthenticationFailure.class, () -> bm.adapter.fetchOrders(
        bm.connection(Map.of("market", "en-us"), Secrets.of(Map.of("token", "t"))), OrderCursor.START));

    assertEquals("missing_credential", noToken.code());
    assertEquals("invalid_setting", noEmail.code());
    assertTrue(badMarket.getMessage().contains("EU platform"), badMarket.getMessage());
    assertEquals(0, bm.server.getRequestCount());
  }

  @Test
  void aTokenPastedWithItsPrefixIsSentOnce() {
    bm.reply(200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");

    Health health = bm.adapter.testConnection(
        bm.connection(Map.of(), Secrets.of(Map.of("token", "Basic " + BackMarketFixture.TOKEN))));

    assertTrue(health.ok());
    assertEquals("/ws/orders?page-size=1", bm.take().getPath());
  }

  @Test
  void aRefusedTokenIsAFailedHealthCheck() {
    bm.reply(401, "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"Invalid token\"}}");

    Health health = bm.adapter.testConnection(bm.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("Invalid token"));
  }

  private Executable pullOrders() {
    return () -> bm.adapter.fetchOrders(bm.connection(), OrderCursor.START);
  }
}
