package io.syncfleet.adapters.bigcommerce;

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
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker, with BigCommerce's own throttle headers. */
class BigCommerceFailuresTest {
  private static final String TOO_MANY = "{\"status\":429,\"title\":\"Too many requests\"}";

  @RegisterExtension
  final BigCommerceFixture bc = new BigCommerceFixture(Duration.ofMillis(300));

  @Test
  void throttledWaitsTheMillisecondsLeftInTheWindow() {
    bc.enqueue(new MockResponse().setResponseCode(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "15000")
        .setHeader("X-Rate-Limit-Requests-Left", "0").setBody(TOO_MANY));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(15), e.retryAfter().orElseThrow());
    assertEquals("Too many requests", e.getMessage());
  }

  @Test
  void whenBothWaitHeadersComeTheLongerWins() {
    bc.enqueue(new MockResponse().setResponseCode(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "2500")
        .setHeader("X-Retry-After", "4").setBody(TOO_MANY));

    assertEquals(Duration.ofSeconds(4), assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().orElseThrow());
  }

  @Test
  void withoutBigCommercesHeadersRetryAfterOrNothingIsUsed() {
    bc.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "6").setBody(TOO_MANY));
    assertEquals(Duration.ofSeconds(6), assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().orElseThrow());

    bc.reply(429, TOO_MANY);
    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void aServerErrorIsTransient() {
    bc.reply(502, "<html>Bad Gateway</html>");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(502, e.httpStatus());
    assertEquals("HTTP 502", e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    bc.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals("timeout", assertThrows(TransientFailure.class, pullOrders()).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    bc.reply(200, "{\"id\":");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void aRevokedTokenOrMissingScopeIsAnAuthenticationFailure() {
    bc.reply(401, "{\"status\":401,\"title\":\"Unauthorized\"}");
    assertEquals(401, assertThrows(AuthenticationFailure.class, pullOrders()).httpStatus());

    bc.reply(403, "{\"status\":403,\"title\":\"You don't have a required scope to access the endpoint\"}");
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());
    assertEquals("You don't have a required scope to access the endpoint", e.getMessage());
  }

  @Test
  void aV2ErrorListIsReadAsAPermanentFailure() {
    bc.reply(400, "[{\"status\":400,\"message\":\"The field 'min_date_modified' is invalid.\"}]");

    assertEquals("The field 'min_date_modified' is invalid.",
        assertThrows(PermanentFailure.class, pullOrders()).getMessage());
  }

  @Test
  void aConnectionWithoutItsStoreHashIsPausedWithoutACall() {
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> bc.adapter.fetchOrders(bc.connection(Map.of("store_hash", " ")), OrderCursor.START));

    assertEquals("missing_store_hash", e.code());
    assertEquals(0, bc.server.getRequestCount());
  }

  @Test
  void theConnectionTestReadsTheStoresName() {
    bc.reply(200, "{\"id\":\"abc123\",\"domain\":\"acme.example\",\"name\":\"Acme Outfitters\"}");

    Health health = bc.adapter.testConnection(bc.connection());

    assertTrue(health.ok());
    assertEquals("Acme Outfitters", health.account());
    assertEquals("/stores/abc123/v2/store", bc.take().getPath());
  }

  @Test
  void aRefusedTokenFailsTheConnectionTestNamingTheScopes() {
    bc.reply(401, "{\"status\":401,\"title\":\"Unauthorized\"}");

    Health health = bc.adapter.testConnection(bc.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("Store Inventory (modify)"), health.message());
  }

  @Test
  void theApiHostIsBigCommercesUnlessTheConnectionPointsElsewhere() {
    Connection production = new Connection("acme", "bigcommerce", Environment.PRODUCTION,
        Map.of("store_hash", "abc123"), Secrets.none(), 1);

    assertEquals("https://api.bigcommerce.com/stores/abc123/v3/catalog/products",
        BigCommerceSettings.of(production).v3("catalog/products").build().toString());
  }

  private Executable pullOrders() {
    return () -> bc.adapter.fetchOrders(bc.connection(), OrderCursor.START);
  }
}
