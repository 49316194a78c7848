package io.syncfleet.adapters.ebay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class EbayFailuresTest {
  private static final String THROTTLED = "{\"errors\":[{\"errorId\":2001,\"message\":\"Too many requests.\"}]}";

  @RegisterExtension
  final EbayFixture ebay = new EbayFixture(Duration.ofMillis(300));

  @Test
  void throttledWithRetryAfterSecondsCarriesTheWait() {
    ebay.token("tok-1");
    ebay.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody(THROTTLED));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("2001", e.code());
    assertEquals("Too many requests.", e.getMessage());
    assertEquals(429, e.httpStatus());
  }

  @Test
  void throttledWithRetryAfterDateWaitsUntilThatTime() {
    ebay.token("tok-1");
    ebay.enqueue(new MockResponse().setResponseCode(429)
        .setHeader("Retry-After", "Sat, 01 Jun 2024 12:00:30 GMT").setBody(THROTTLED));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
  }

  @Test
  void throttledWithoutRetryAfterLeavesTheWaitToTheWorker() {
    ebay.token("tok-1");
    ebay.reply(429, THROTTLED);

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals("2001", e.code());
  }

  @Test
  void aThrottledBulkCallFailsTheWholeBatch() {
    ebay.token("tok-1");
    ebay.reply(200, "{\"offers\":[{\"offerId\":\"O-1\",\"format\":\"FIXED_PRICE\",\"status\":\"PUBLISHED\"}]}");
    ebay.reply(429, THROTTLED);

    assertThrows(RateLimitedFailure.class,
        () -> ebay.adapter.updateStock(ebay.connection(), List.of(StockLevel.of("SKU-1", 2))));
  }

  @Test
  void aServerErrorIsTransient() {
    ebay.token("tok-1");
    ebay.reply(503, "{\"errors\":[{\"errorId\":25001,\"message\":\"A system error has occurred.\"}]}");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(503, e.httpStatus());
    assertEquals("25001", e.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    ebay.token("tok-1");
    ebay.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
    assertEquals(0, e.httpStatus());
  }

  @Test
  void aBodyThatStallsIsTransient() {
    ebay.token("tok-1");
    ebay.enqueue(new MockResponse().setResponseCode(200).setBody("{\"orders\":[]}")
        .setBodyDelay(2, TimeUnit.SECONDS));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    ebay.token("tok-1");
    ebay.reply(200, "<html><body>Service Unavailable</body></html>");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(200, e.httpStatus());
  }

  @Test
  void aGarbageTokenAnswerIsTransient() {
    ebay.reply(200, "not json");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void forbiddenIsAnAuthenticationFailureWithoutRenewingTheToken() {
    ebay.token("tok-1");
    ebay.reply(403, "{\"errors\":[{\"errorId\":1100,\"message\":\"Access denied\",\"longMessage\":\"Insufficient "
        + "permissions to fulfill the request.\"}]}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals(403, e.httpStatus());
    assertEquals("1100", e.code());
    assertEquals(2, ebay.server.getRequestCount());
  }

  @Test
  void aRejectedRequestIsPermanentWithEbaysCodeAndMessage() {
    ebay.token("tok-1");
    ebay.reply(400, "{\"errors\":[{\"errorId\":30700,\"message\":\"The filter is invalid.\"},"
        + "{\"errorId\":30800,\"longMessage\":\"The date range is too wide.\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals(400, e.httpStatus());
    assertEquals("30700", e.code());
    assertEquals("The filter is invalid.; The date range is too wide.", e.getMessage());
  }

  @Test
  void anErrorPageThatIsNotJsonIsStillClassified() {
    ebay.token("tok-1");
    ebay.reply(400, "<html>Bad Request</html>");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("HTTP 400", e.getMessage());
    assertFalse(e.getMessage().contains("html"));
  }

  private Executable pullOrders() {
    return () -> ebay.adapter.fetchOrders(ebay.connection(), OrderCursor.START);
  }
}
