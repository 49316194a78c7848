package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
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

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class ManoManoFailuresTest {
  @RegisterExtension
  final ManoManoFixture mm = new ManoManoFixture(Duration.ofMillis(300));

  @Test
  void cloudflaresThrottleGivesItsWaitInTheBody() {
    mm.reply(429, "{\"title\":\"You are being rate limited\",\"error_code\":1015,\"retry_after\":30}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    assertEquals("1015", e.code());
    assertEquals("You are being rate limited", e.getMessage());
  }

  @Test
  void aRetryAfterHeaderWinsOverTheBody() {
    mm.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "5")
        .setBody("{\"error_code\":1015,\"retry_after\":30}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
  }

  @Test
  void aThrottleWithoutAWaitLeavesItToTheWorker() {
    mm.enqueue(new MockResponse().setResponseCode(429).setBody("<html>Too many requests</html>"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, setStock());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals("HTTP 429", e.getMessage());
  }

  @Test
  void aRefusedKeyOrAForeignContractPausesTheConnection() {
    mm.reply(401, "{\"message\":\"Invalid API key\"}");
    mm.reply(403, "{\"errors\":[{\"code\":\"FORBIDDEN\",\"message\":\"contract does not belong to this key\"}]}");

    AuthenticationFailure refused = assertThrows(AuthenticationFailure.class, setStock());
    AuthenticationFailure foreign = assertThrows(AuthenticationFailure.class, setStock());

    assertEquals("Invalid API key", refused.getMessage());
    assertEquals("FORBIDDEN", foreign.code());
  }

  @Test
  void aServerErrorIsTransient() {
    mm.reply(500, "{\"message\":\"Internal error\"}");

    TransientFailure e = assertThrows(TransientFailure.class, setStock());

    assertEquals(500, e.httpStatus());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    mm.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, setStock());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    mm.reply(200, "<html>maintenance</html>");

    assertThrows(TransientFailure.class, () -> mm.adapter.fetchOrders(mm.connection(), OrderCursor.START));
  }

  @Test
  void aMissingKeyPausesTheConnectionBeforeAnyCall() {
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, () -> mm.adapter.updateStock(
        mm.connection(Map.of(), Secrets.none()), List.of(StockLevel.of("A", 1))));

    assertEquals("missing_credential", e.code());
    assertEquals(0, mm.server.getRequestCount());
  }

  @Test
  void theConnectionTestListsOneOrderOfTheContract() {
    mm.reply(200, "{\"content\":[],\"pagination\":{\"page\":1,\"limit\":1,\"pages\":0}}");
    mm.reply(401, "{\"message\":\"Invalid API key\"}");

    Health ok = mm.adapter.testConnection(mm.connection());
    Health refused = mm.adapter.testConnection(mm.connection());

    assertEquals("/orders/v1/orders?seller_contract_id=3497732&page=1&limit=1", mm.take().getPath());
    assertTrue(ok.ok());
    assertEquals("seller contract 3497732", ok.account());
    assertFalse(refused.ok());
    assertTrue(refused.message().contains("Invalid API key"));
  }

  private Executable setStock() {
    return () -> mm.adapter.updateStock(mm.connection(), List.of(StockLevel.of("A", 1)));
  }
}
