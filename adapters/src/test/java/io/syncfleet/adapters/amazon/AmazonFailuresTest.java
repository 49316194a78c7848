package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class AmazonFailuresTest {
  private static final String QUOTA = "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota "
      + "for the requested resource.\",\"details\":\"\"}]}";

  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture(Duration.ofMillis(300));

  @Test
  void aThrottleWithoutRetryAfterWaitsForOneRequestAtTheAppliedRate() {
    amazon.token("tok-1");
    amazon.throttled("0.0167");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(429, e.httpStatus());
    assertEquals("QuotaExceeded", e.code());
    assertEquals("You exceeded your quota for the requested resource.", e.getMessage());
    assertEquals(Duration.ofMillis(59_881), e.retryAfter().orElseThrow());
  }

  @Test
  void retryAfterWinsOverTheRateHeader() {
    amazon.token("tok-1");
    amazon.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
        .setHeader("x-amzn-RateLimit-Limit", "0.5").setBody(QUOTA));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
  }

  @Test
  void aThrottleWithNeitherHeaderLeavesTheWaitToTheWorker() {
    amazon.token("tok-1");
    amazon.reply(429, QUOTA);

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals("QuotaExceeded", e.code());
  }

  @Test
  void aThrottledTokenExchangeIsARateLimit() {
    amazon.reply(429, "{\"error\":\"slow_down\",\"error_description\":\"Too many requests\"}");

    assertEquals("slow_down", assertThrows(RateLimitedFailure.class, pullOrders()).code());
  }

  @Test
  void aServerErrorIsTransientAndCarriesTheRequestId() {
    amazon.token("tok-1");
    amazon.enqueue(new MockResponse().setResponseCode(500).setHeader("x-amzn-RequestId", "req-42")
        .setBody("{\"errors\":[{\"code\":\"InternalFailure\",\"message\":\"We encountered an internal error.\"}]}"));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(500, e.httpStatus());
    assertEquals("InternalFailure", e.code());
    assertEquals("We encountered an internal error. [request id req-42]", e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    amazon.token("tok-1");
    amazon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
    assertEquals(0, e.httpStatus());
  }

  @Test
  void aTimedOutPatchIsRetriedForThatItem() {
    amazon.token("tok-1");
    amazon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    BatchResult result = amazon.adapter.updateStock(amazon.connection(), List.of(StockLevel.of("SKU-1", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
    assertEquals("timeout", result.outcomes().get(0).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    amazon.token("tok-1");
    amazon.reply(200, "<html><body>Service Unavailable</body></html>");

    assertEquals(200, assertThrows(TransientFailure.class, pullOrders()).httpStatus());
  }

  @Test
  void anAnswerWithoutPayloadIsTransient() {
    amazon.token("tok-1");
    amazon.reply(200, "{\"Orders\":[]}");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void aGarbageSubmissionAnswerRetriesThatItem() {
    amazon.token("tok-1");
    amazon.reply(200, "not json");

    BatchResult result = amazon.adapter.updateStock(amazon.connection(), List.of(StockLevel.of("SKU-1", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
  }

  @Test
  void aRejectedRequestIsPermanentWithAmazonsCodeAndDetails() {
    amazon.token("tok-1");
    amazon.reply(400, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid Input\","
        + "\"details\":\"LastUpdatedAfter must be in the past\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals(400, e.httpStatus());
    assertEquals("InvalidInput", e.code());
    assertEquals("Invalid Input (LastUpdatedAfter must be in the past)", e.getMessage());
  }

  @Test
  void anErrorPageThatIsNotJsonIsStillClassified() {
    amazon.token("tok-1");
    amazon.reply(400, "<html>Bad Request</html>");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("HTTP 400", e.getMessage());
    assertFalse(e.getMessage().contains("html"));
  }

  private Executable pullOrders() {
    return () -> amazon.adapter.fetchOrders(amazon.connection(), OrderCursor.START);
  }
}
