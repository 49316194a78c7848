package io.syncfleet.adapters.mirakl;

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
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker: as which typed failure, with what in it. */
class MiraklFailuresTest {
  private static final List<StockLevel> STOCK = List.of(StockLevel.of("SKU-1", 3));

  @RegisterExtension
  final MiraklFixture mirakl = new MiraklFixture(Duration.ofMillis(300));

  @Test
  void throttledWithRetryAfterCarriesTheWait() {
    mirakl.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "42")
        .setBody("{\"status\":429,\"message\":\"Too many requests\"}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, updateStock());

    assertEquals(Duration.ofSeconds(42), e.retryAfter().orElseThrow());
    assertEquals("Too many requests", e.getMessage());
  }

  @Test
  void throttledWithoutRetryAfterLeavesTheWaitToTheWorker() {
    mirakl.reply(429, "{\"status\":429,\"message\":\"Too many requests\"}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void aThrottledCheckKeepsFollowingTheSameImport() {
    Connection c = mirakl.connection();
    mirakl.accepted(7);
    mirakl.adapter.updateStock(c, STOCK);
    mirakl.reply(429, "{\"status\":429,\"message\":\"Too many requests\"}");
    assertThrows(RateLimitedFailure.class, () -> mirakl.adapter.updateStock(c, STOCK));
    mirakl.status(7, "COMPLETE", 0);

    assertEquals("DONE", mirakl.adapter.updateStock(c, STOCK).outcomes().get(0).status().name());
    mirakl.take();
    assertEquals("/api/offers/imports/7?shop_id=2001", mirakl.take().getPath());
    assertEquals("/api/offers/imports/7?shop_id=2001", mirakl.take().getPath());
  }

  @Test
  void aServerErrorIsTransient() {
    mirakl.reply(503, "{\"status\":503,\"message\":\"Service unavailable\"}");

    TransientFailure e = assertThrows(TransientFailure.class, updateStock());

    assertEquals(503, e.httpStatus());
    assertEquals("Service unavailable", e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    mirakl.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, updateStock());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    mirakl.reply(200, "<html>maintenance</html>");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void anUploadAnswerWithoutImportIdIsTransient() {
    mirakl.reply(201, "{}");

    assertThrows(TransientFailure.class, updateStock());
  }

  @Test
  void aRevokedKeyIsAnAuthenticationFailure() {
    mirakl.reply(401, "{\"status\":401,\"message\":\"Unauthorized\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, updateStock());

    assertEquals(401, e.httpStatus());
    assertEquals(1, mirakl.server.getRequestCount());
  }

  @Test
  void aKeyWithoutTheShopIsAnAuthenticationFailure() {
    mirakl.reply(403, "{\"status\":403,\"message\":\"Forbidden: no access to shop 2001\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("Forbidden: no access to shop 2001", e.getMessage());
  }

  @Test
  void aMissingKeyIsAnAuthenticationFailureWithoutACall() {
    Connection c = mirakl.connection();
    Connection keyless = new Connection(c.tenant(), c.channel(), c.environment(), c.settings(), Secrets.none(), 1);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> mirakl.adapter.updateStock(keyless, STOCK));

    assertEquals("missing_credential", e.code());
    assertEquals(0, mirakl.server.getRequestCount());
  }

  @Test
  void aRefusedFileIsPermanentWithMiraklsMessages() {
    mirakl.reply(400, "{\"status\":400,\"message\":\"The import file is empty or its header is invalid\"}");

    PermanentFailure e = assertThrows(PermanentFailure.class, updateStock());

    assertEquals(400, e.httpStatus());
    assertEquals("The import file is empty or its header is invalid", e.getMessage());
  }

  @Test
  void aFieldErrorListIsReadWithItsCode() {
    mirakl.reply(400, "{\"errors\":[{\"code\":\"INVALID_DATE\",\"field\":\"start_update_date\","
        + "\"message\":\"must be a date\"}],\"status\":400}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("INVALID_DATE", e.code());
    assertEquals("start_update_date: must be a date", e.getMessage());
  }

  @Test
  void anOversizedBatchIsRefusedBeforeAnyCall() {
    List<StockLevel> many = java.util.stream.IntStream.range(0, 2001)
        .mapToObj(i -> StockLevel.of("SKU-" + i, 1)).toList();

    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> mirakl.adapter.updateStock(mirakl.connection(), many));

    assertEquals("batch_too_large", e.code());
  }

  @Test
  void theConnectionTestNamesTheShop() {
    mirakl.reply(200, "{\"shop_id\":2001,\"shop_name\":\"Acme Store\",\"shop_state\":\"OPEN\"}");

    Health health = mirakl.adapter.testConnection(mirakl.connection());

    assertEquals(Health.ok("Acme Store (2001)"), health);
    assertEquals("/api/account?shop_id=2001", mirakl.take().getPath());
  }

  @Test
  void theConnectionTestReportsARefusedKey() {
    mirakl.reply(401, "{\"status\":401,\"message\":\"Unauthorized\"}");

    Health health = mirakl.adapter.testConnection(mirakl.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("Unauthorized"));
  }

  private Executable updateStock() {
    return () -> mirakl.adapter.updateStock(mirakl.connection(), STOCK);
  }

  private Executable pullOrders() {
    return () -> mirakl.adapter.fetchOrders(mirakl.connection(), OrderCursor.START);
  }
}
