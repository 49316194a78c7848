package io.syncfleet.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.testing.MockMarketplace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer that states the allowance left reaches the listener, whatever its status. */
class MarketplaceHttpAllowanceTest {
  @RegisterExtension
  final MockMarketplace market = new MockMarketplace() {};

  private static final ErrorReader ERRORS = r -> ErrorDetail.unknown(r.status());

  private final List<Allowance> seen = new CopyOnWriteArrayList<>();
  private final MarketplaceHttp http = MockMarketplace.http(MockMarketplace.fixedClock(MockMarketplace.NOW),
      MockMarketplace.READ_TIMEOUT).withAllowanceListener(seen::add);

  private Request get() {
    return new Request.Builder().url(market.server.url("/items")).build();
  }

  @Test
  void successWithHeadersIsReported() {
    market.enqueue(new MockResponse().setResponseCode(200).setBody("{}")
        .setHeader("X-Shopify-Shop-Api-Call-Limit", "39/40"));
    http.send(get(), ERRORS);
    assertEquals(List.of(new Allowance(1.0, 40.0, null, null)), seen);
  }

  @Test
  void rateLimitedAnswerIsReportedBeforeItThrows() {
    market.enqueue(new MockResponse().setResponseCode(429).setBody("{}").setHeader("Retry-After", "3")
        .setHeader("X-Rate-Limit-Requests-Left", "0").setHeader("X-Rate-Limit-Requests-Quota", "150")
        .setHeader("X-Rate-Limit-Time-Reset-Ms", "3000"));
    RateLimitedFailure f = assertThrows(RateLimitedFailure.class, () -> http.send(get(), ERRORS));
    assertEquals(Duration.ofSeconds(3), f.retryAfter().orElseThrow());
    assertEquals(List.of(new Allowance(0.0, 150.0, null, Duration.ofSeconds(3))), seen);
  }

  @Test
  void exchangeReportsToo() {
    market.enqueue(new MockResponse().setResponseCode(400).setBody("{}").setHeader("x-amzn-RateLimit-Limit", "5"));
    assertEquals(400, http.exchange(get(), ERRORS).status());
    assertEquals(List.of(new Allowance(null, null, 5.0, null)), seen);
  }

  @Test
  void answersWithoutAllowanceAreNotReported() {
    market.reply(200, "{}");
    http.send(get(), ERRORS);
    assertTrue(seen.isEmpty());
  }

  @Test
  void aFailingListenerDoesNotFailTheCall() {
    MarketplaceHttp clumsy = http.withAllowanceListener(a -> {
      throw new IllegalStateException("boom");
    });
    market.enqueue(new MockResponse().setResponseCode(200).setBody("{}").setHeader("RateLimit-Remaining", "4"));
    assertEquals(200, clumsy.send(get(), ERRORS).status());
  }

  @Test
  void listenerSurvivesOtherTimeoutsAndAdaptersCanReportBodies() {
    MarketplaceHttp slow = http.withReadTimeout(Duration.ofSeconds(2));
    market.enqueue(new MockResponse().setResponseCode(200).setBody("{}").setHeader("X-RateLimit-Remaining", "7"));
    slow.send(get(), ERRORS);
    slow.report(new Allowance(3.0, 10.0, 1.0, null));
    slow.report(new Allowance(null, null, null, null));
    assertEquals(List.of(new Allowance(7.0, null, null, null), new Allowance(3.0, 10.0, 1.0, null)), seen);
  }
}
