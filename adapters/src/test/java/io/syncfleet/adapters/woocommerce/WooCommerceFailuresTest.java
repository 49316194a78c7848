package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker, including shared hosting's 429 and 503. */
class WooCommerceFailuresTest {
  @RegisterExtension
  final WooCommerceMockShop shop = new WooCommerceMockShop(Duration.ofMillis(300));

  @Test
  void a429WithRetryAfterCarriesTheWait() {
    shop.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody("Too Many Requests"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals(429, e.httpStatus());
  }

  @Test
  void a429WithoutRetryAfterLeavesTheWaitToTheWorker() {
    shop.enqueue(new MockResponse().setResponseCode(429));

    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void a503FromABusyHostIsAThrottleWithItsRetryAfter() {
    shop.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "600")
        .setBody("<h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1>"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofMinutes(10), e.retryAfter().orElseThrow());
    assertEquals(503, e.httpStatus());
  }

  @Test
  void a503WithoutRetryAfterIsAThrottleToo() {
    shop.enqueue(new MockResponse().setResponseCode(503));

    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void aServerErrorIsTransientWithWooCommercesCode() {
    shop.reply(500, "{\"code\":\"internal_server_error\",\"message\":\"There has been a critical error on this "
        + "website.\",\"data\":{\"status\":500}}");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(500, e.httpStatus());
    assertEquals("internal_server_error", e.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    shop.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    shop.reply(200, "<html><body>Please log in</body></html>");

    assertEquals(200, assertThrows(TransientFailure.class, pullOrders()).httpStatus());
  }

  @Test
  void aMissingPermissionIsAnAuthenticationFailure() {
    shop.reply(403, "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\","
        + "\"data\":{\"status\":403}}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("woocommerce_rest_cannot_view", e.code());
  }

  @Test
  void aFirewallPageIsAnAuthenticationFailureWithoutItsHtml() {
    shop.reply(403, "<html><title>Attention Required! | Cloudflare</title></html>");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("HTTP 403", e.getMessage());
  }

  @Test
  void aMissingRouteIsPermanent() {
    shop.reply(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and request "
        + "method.\",\"data\":{\"status\":404}}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("rest_no_route", e.code());
  }

  private Executable pullOrders() {
    return () -> shop.adapter.fetchOrders(shop.connection(), OrderCursor.START);
  }
}
