package io.syncfleet.adapters.octopia;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class OctopiaFailuresTest {
  private static final String QUOTA = "{\"type\":\"about:blank\",\"title\":\"QuotaExceeded\",\"status\":%d,"
      + "\"detail\":\"Quota of offer packages per hour reached\"}";

  @RegisterExtension
  final OctopiaFixture octopia = new OctopiaFixture(Duration.ofMillis(300));

  @Test
  void throttledWithRetryAfterCarriesTheWait() {
    octopia.token("tok-1");
    octopia.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
        .setBody("{\"title\":\"Too Many Requests\",\"status\":429}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
  }

  @Test
  void throttledWithoutRetryAfterLeavesTheWaitToTheWorker() {
    octopia.token("tok-1");
    octopia.reply(429, "{\"title\":\"Too Many Requests\",\"status\":429}");

    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void quotaExceededInABadRequestIsAThrottle() {
    octopia.token("tok-1");
    octopia.enqueue(new MockResponse().setResponseCode(400).setHeader("Retry-After", "600")
        .setBody(String.format(QUOTA, 400)));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, updateStock());

    assertEquals("QuotaExceeded", e.code());
    assertEquals("Quota of offer packages per hour reached", e.getMessage());
    assertEquals(Duration.ofMinutes(10), e.retryAfter().orElseThrow());
  }

  @Test
  void quotaExceededAnsweredAsForbiddenIsAThrottleNotABrokenCredential() {
    octopia.token("tok-1");
    octopia.reply(403, String.format(QUOTA, 403));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, updateStock());

    assertEquals(403, e.httpStatus());
  }

  @Test
  void aQuotaOnTheTokenServerIsAThrottle() {
    octopia.reply(429, "{\"error\":\"QuotaExceeded\",\"error_description\":\"Too many tokens\"}");

    assertThrows(RateLimitedFailure.class, pullOrders());
  }

  @Test
  void forbiddenIsAnAuthenticationFailure() {
    octopia.token("tok-1");
    octopia.reply(403, "{\"title\":\"Forbidden\",\"status\":403,"
        + "\"detail\":\"Seller 98979 is not linked to this client\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("Seller 98979 is not linked to this client", e.getMessage());
    assertEquals(2, octopia.server.getRequestCount());
  }

  @Test
  void aServerErrorIsTransient() {
    octopia.token("tok-1");
    octopia.reply(502, "<html>Bad Gateway</html>");

    TransientFailure e = assertThrows(TransientFailure.class, updateStock());

    assertEquals(502, e.httpStatus());
    assertEquals("HTTP 502", e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    octopia.token("tok-1");
    octopia.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals("timeout", assertThrows(TransientFailure.class, pullOrders()).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    octopia.token("tok-1");
    octopia.reply(200, "{not json");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void aCreatedPackageWithoutAnIdIsTransient() {
    octopia.token("tok-1");
    octopia.enqueue(new MockResponse().setResponseCode(201));

    assertThrows(TransientFailure.class, updateStock());
  }

  @Test
  void aRefusedRequestIsPermanentWithOctopiasTitleAndDetail() {
    octopia.token("tok-1");
    octopia.reply(400, "{\"type\":\"https://developer.octopia-io.net/errors/validation\",\"title\":\"ValidationError\","
        + "\"status\":400,\"detail\":\"pageSize must be at most 100\"}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("ValidationError", e.code());
    assertEquals("pageSize must be at most 100", e.getMessage());
  }

  @Test
  void anErrorListGivesTheFirstCode() {
    octopia.token("tok-1");
    octopia.reply(400, "{\"title\":\"Bad Request\",\"errors\":[{\"code\":\"InvalidPackageType\","
        + "\"message\":\"packageType is unknown\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, updateStock());

    assertEquals("InvalidPackageType", e.code());
    assertEquals("packageType is unknown", e.getMessage());
  }

  private Executable pullOrders() {
    return () -> octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START);
  }

  private Executable updateStock() {
    return () -> octopia.adapter.updateStock(octopia.connection(), List.of(StockLevel.of("SKU-1", 1)));
  }
}
