package io.syncfleet.adapters.shopee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
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

/** How every kind of failed Shopee answer reaches the worker: as which typed failure, with what in it. */
class ShopeeFailuresTest {
  private static final String RATE_LIMITED = "{\"error\":\"error_rate_limit\",\"message\":\"Too many requests. "
      + "You have reached the rate limit. Please try again later.\",\"request_id\":\"r\"}";

  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture(Duration.ofMillis(300));

  @Test
  void http429WithRetryAfterCarriesTheWait() {
    shopee.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody(RATE_LIMITED));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("error_rate_limit", e.code());
    assertEquals(429, e.httpStatus());
  }

  @Test
  void http429WithoutRetryAfterLeavesTheWaitToTheWorker() {
    shopee.reply(429, RATE_LIMITED);

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void theRateLimitCodeIsThrottlingWhateverTheStatus() {
    shopee.reply(200, RATE_LIMITED);
    shopee.reply(403, RATE_LIMITED);

    RateLimitedFailure in200 = assertThrows(RateLimitedFailure.class, pullOrders());
    RateLimitedFailure in403 = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals("error_rate_limit", in200.code());
    assertTrue(in200.retryAfter().isEmpty());
    assertEquals(403, in403.httpStatus());
    assertEquals(2, shopee.server.getRequestCount(), "no token refresh for a throttle");
  }

  @Test
  void theDailyQuotaWaitsUntilMidnightInUtcPlus8() {
    shopee.error(200, "error_limit", "The total API call number made by your APP has reached the daily API call "
        + "limit, please try again after 00: 00 (UTC+08:00)");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    // 2022-06-20T08:40:31Z is 16:40:31 in UTC+8; the quota resets 7 h 19 min 29 s later.
    assertEquals(Duration.ofHours(7).plusMinutes(19).plusSeconds(29), e.retryAfter().orElseThrow());
  }

  @Test
  void serverErrorsAreTransientWithShopeesCode() {
    shopee.error(500, "error_server", "Something wrong. Please try later.");
    shopee.error(200, "error_inner", "Our system is taking some time to respond, please try later.");

    TransientFailure http500 = assertThrows(TransientFailure.class, pullOrders());
    TransientFailure in200 = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(500, http500.httpStatus());
    assertEquals("error_server", http500.code());
    assertEquals("error_inner", in200.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    shopee.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
    assertEquals(0, e.httpStatus());
  }

  @Test
  void aGarbageBodyIsTransient() {
    shopee.reply(200, "<html><body>Bad gateway</body></html>");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(200, e.httpStatus());
  }

  @Test
  void aRefusedRequestIsPermanentWithShopeesCodeWithoutItsModulePrefix() {
    shopee.error(200, "order.error_param", "time_to - time_from should not exceed 15 days");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("error_param", e.code());
    assertEquals("time_to - time_from should not exceed 15 days", e.getMessage());
  }

  @Test
  void anErrorPageWithoutAnEnvelopeIsStillClassified() {
    shopee.reply(400, "<html>Bad Request</html>");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("http_400", e.code());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void aMissingApiPermissionPausesTheConnection() {
    shopee.error(403, "error_auth", "No permission to current api.");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("error_auth", e.code());
    assertEquals(1, shopee.server.getRequestCount(), "not a token problem: no refresh");
  }

  @Test
  void aThrottleInsideABatchKeepsWhatIsDoneAndSendsNothingMore() {
    shopee.search(1001);
    shopee.search(1002);
    shopee.search(1003);
    shopee.ok("""
        {"item_list":[
          {"item_id":1001,"item_sku":"A","has_model":false,"item_status":"NORMAL"},
          {"item_id":1002,"item_sku":"B","has_model":false,"item_status":"NORMAL"},
          {"item_id":1003,"item_sku":"C","has_model":false,"item_status":"NORMAL"}]}""");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");
    shopee.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody(RATE_LIMITED));

    BatchResult result = shopee.adapter.updateStock(shopee.connection(),
        List.of(StockLevel.of("A", 1), StockLevel.of("B", 2), StockLevel.of("C", 3)));

    assertEquals(ItemOutcome.done("A"), result.outcomes().get(0));
    for (ItemOutcome o : result.outcomes().subList(1, 3)) {
      assertEquals(ItemOutcome.Status.THROTTLED, o.status(), o.sku());
      assertEquals(Duration.ofSeconds(3), o.retryAfter());
    }
    assertEquals(6, shopee.server.getRequestCount(), "nothing sent for C after the throttle");
  }

  private Executable pullOrders() {
    return () -> shopee.adapter.fetchOrders(shopee.connection(), OrderCursor.START);
  }
}
