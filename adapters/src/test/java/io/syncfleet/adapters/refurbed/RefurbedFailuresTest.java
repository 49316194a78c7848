package io.syncfleet.adapters.refurbed;

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
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed call reaches the worker: as which typed failure, with what in it. */
class RefurbedFailuresTest {
  @RegisterExtension
  final RefurbedFixture rf = new RefurbedFixture(Duration.ofMillis(300));

  @Test
  void resourceExhaustedWithRetryAfterCarriesTheWait() {
    rf.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3")
        .setHeader("X-RateLimit-Reset", String.valueOf(RefurbedFixture.NOW.getEpochSecond() + 60))
        .setBody("{\"code\":8,\"message\":\"rate limit exceeded\",\"details\":[]}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow(), "Retry-After wins");
    assertEquals("RESOURCE_EXHAUSTED", e.code());
    assertEquals("rate limit exceeded", e.getMessage());
  }

  @Test
  void withoutRetryAfterTheWaitRunsUntilTheRateLimitResets() {
    rf.enqueue(new MockResponse().setResponseCode(429)
        .setHeader("X-RateLimit-Reset", String.valueOf(RefurbedFixture.NOW.getEpochSecond() + 17))
        .setBody("{\"code\":8,\"message\":\"rate limit exceeded\"}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertEquals(Duration.ofSeconds(17), e.retryAfter().orElseThrow());
  }

  @Test
  void resourceExhaustedUnderAnotherStatusIsStillAThrottleAndNoResetLeavesTheWaitToTheWorker() {
    rf.reply(400, "{\"code\":8,\"message\":\"quota exceeded\"}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void unauthenticatedAndPermissionDeniedPauseTheConnection() {
    rf.reply(401, "{\"code\":16,\"message\":\"authorization header is malformed or invalid\"}");
    rf.reply(403, "{\"code\":7,\"message\":\"no permission for this operation\"}");

    AuthenticationFailure unauthenticated = assertThrows(AuthenticationFailure.class, setStock());
    AuthenticationFailure denied = assertThrows(AuthenticationFailure.class, setStock());

    assertEquals("UNAUTHENTICATED", unauthenticated.code());
    assertEquals("authorization header is malformed or invalid", unauthenticated.getMessage());
    assertEquals("PERMISSION_DENIED", denied.code());
  }

  @Test
  void anInvalidArgumentIsPermanentWithRefurbedsCodeAndMessage() {
    rf.reply(400, "{\"code\":3,\"message\":\"offers: between 1 and 50 entries\",\"details\":[]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, setStock());

    assertEquals("INVALID_ARGUMENT", e.code());
    assertEquals("offers: between 1 and 50 entries", e.getMessage());
  }

  @Test
  void unavailableAndServerErrorsAreTransient() {
    rf.reply(503, "{\"code\":14,\"message\":\"upstream unavailable\"}");
    rf.reply(409, "{\"code\":10,\"message\":\"aborted, try again\"}");

    TransientFailure unavailable = assertThrows(TransientFailure.class, setStock());
    TransientFailure aborted = assertThrows(TransientFailure.class, setStock());

    assertEquals("UNAVAILABLE", unavailable.code());
    assertEquals(503, unavailable.httpStatus());
    assertEquals("ABORTED", aborted.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    rf.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, setStock());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    rf.reply(200, "<html>gateway</html>");

    assertThrows(TransientFailure.class,
        () -> rf.adapter.fetchOrders(rf.connection(), OrderCursor.START));
  }

  @Test
  void aSandboxConnectionWithoutABaseUrlOrAMissingTokenPausesBeforeAnyCall() {
    Connection sandbox = new Connection("acme", "refurbed", Environment.SANDBOX, Map.of(),
        Secrets.of(Map.of("token", "t")), 1);

    AuthenticationFailure noSandbox = assertThrows(AuthenticationFailure.class,
        () -> rf.adapter.updateStock(sandbox, List.of(StockLevel.of("A", 1))));
    AuthenticationFailure noToken = assertThrows(AuthenticationFailure.class,
        () -> rf.adapter.updateStock(rf.connection(Map.of(), Secrets.none()), List.of(StockLevel.of("A", 1))));

    assertEquals("no_sandbox", noSandbox.code());
    assertEquals("missing_credential", noToken.code());
    assertEquals(0, rf.server.getRequestCount());
  }

  @Test
  void theConnectionTestListsOneOffer() {
    rf.reply(200, "{\"offers\":[],\"has_more\":false}");
    rf.reply(401, "{\"code\":16,\"message\":\"invalid token\"}");

    Health ok = rf.adapter.testConnection(rf.connection());
    Health refused = rf.adapter.testConnection(rf.connection());

    assertEquals(RefurbedFixture.json("{\"pagination\":{\"limit\":1}}"), rf.take("OfferService/ListOffers"));
    assertTrue(ok.ok());
    assertFalse(refused.ok());
    assertTrue(refused.message().contains("invalid token"));
  }

  private Executable setStock() {
    return () -> rf.adapter.updateStock(rf.connection(), List.of(StockLevel.of("A", 1)));
  }
}
