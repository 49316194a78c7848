package io.syncfleet.adapters.lazada;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed Lazada answer reaches the worker: as which typed failure, with what in it. */
class LazadaFailuresTest {
  private static final String API_CALL_LIMIT = "{\"type\":\"ISV\",\"code\":\"ApiCallLimit\",\"message\":\"Api access "
      + "frequency exceeds the limit. this ban will last 3 seconds\",\"request_id\":\"r\"}";

  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture(Duration.ofMillis(300));

  @Test
  void apiCallLimitInA200IsThrottlingForTheBanItNames() {
    lazada.reply(200, API_CALL_LIMIT);

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals("ApiCallLimit", e.code());
    assertEquals(200, e.httpStatus());
    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
  }

  @Test
  void tooFrequentWaitsASecondAndACampaignDowngradeSaysNothing() {
    lazada.error(200, "ISP", "901", "Limit service request speed in server side temporarily.");
    lazada.error(200, "ISP", "998", "To ensure stability of service, this API service is disabled");

    assertEquals(Duration.ofSeconds(1), assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().orElseThrow());
    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void http429WithAndWithoutRetryAfter() {
    lazada.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody(API_CALL_LIMIT));
    lazada.reply(429, "{}");

    assertEquals(Duration.ofSeconds(7), assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().orElseThrow());
    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void serverErrorsAndTimeoutsArePassingFaults() {
    lazada.reply(502, "<html>Bad gateway</html>");
    lazada.error(200, "SYSTEM", "ServiceTimeout", "The service timed out");
    lazada.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals(502, assertThrows(TransientFailure.class, pullOrders()).httpStatus());
    assertEquals("ServiceTimeout", assertThrows(TransientFailure.class, pullOrders()).code());
    assertEquals("timeout", assertThrows(TransientFailure.class, pullOrders()).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    lazada.reply(200, "<html>maintenance</html>");

    assertEquals(200, assertThrows(TransientFailure.class, pullOrders()).httpStatus());
  }

  @Test
  void aRefusedRequestIsPermanentWithLazadasCodeAndMessage() {
    lazada.error(200, "ISV", "17", "E017: \\\"2018-13-01\\\" Invalid Date Format");
    lazada.reply(400, "<html>Bad Request</html>");

    PermanentFailure refused = assertThrows(PermanentFailure.class, pullOrders());
    PermanentFailure page = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("17", refused.code());
    assertTrue(refused.getMessage().startsWith("E017"), refused.getMessage());
    assertEquals("http_400", page.code());
  }

  @Test
  void aThrottledUpdateSendsItsSkusBackThrottledAfterTheLookup() {
    lazada.products("11:101:A");
    lazada.reply(200, API_CALL_LIMIT);

    BatchResult result = lazada.adapter.updateStock(lazada.connection(), List.of(StockLevel.of("A", 1)));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.THROTTLED, outcome.status());
    assertEquals(Duration.ofSeconds(3), outcome.retryAfter());
  }

  private Executable pullOrders() {
    return () -> lazada.adapter.fetchOrders(lazada.connection(), OrderCursor.START);
  }
}
