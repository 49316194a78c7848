package io.syncfleet.adapters.magento;

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
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker, and what a connection test says. */
class MagentoFailuresTest {
  private static final String NOT_AUTHORIZED =
      "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\"Magento_Sales::actions_view\"}}";

  @RegisterExtension
  final MagentoFixture magento = new MagentoFixture(Duration.ofMillis(300));

  @Test
  void throttledWithRetryAfterCarriesTheWait() {
    magento.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12").setBody("Too Many Requests"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(12), e.retryAfter().orElseThrow());
    assertEquals(429, e.httpStatus());
  }

  @Test
  void throttledWithoutRetryAfterLeavesTheWaitToTheWorker() {
    magento.reply(429, "{\"message\":\"Too many requests\"}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertTrue(e.retryAfter().isEmpty());
    assertEquals("Too many requests", e.getMessage());
  }

  @Test
  void aServerErrorIsTransient() {
    magento.reply(500, "{\"message\":\"Internal Error. Details are available in Magento log file. Report ID: webapi-1\"}");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(500, e.httpStatus());
    assertTrue(e.getMessage().startsWith("Internal Error."), e.getMessage());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    magento.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    magento.reply(200, "<html>maintenance</html>");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals(200, e.httpStatus());
  }

  @Test
  void aTokenWithoutTheResourceIsAnAuthenticationFailureWithTheFilledMessage() {
    magento.reply(401, NOT_AUTHORIZED);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals(401, e.httpStatus());
    assertEquals("The consumer isn't authorized to access Magento_Sales::actions_view.", e.getMessage());
  }

  @Test
  void aBadSearchIsPermanentWithMagentosMessage() {
    magento.reply(400, "{\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\",\"parameters\":{\"fieldName\":\"field\"}}");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("\"field\" is required. Enter and try again.", e.getMessage());
  }

  @Test
  void aConnectionWithoutItsStoreUrlOrTokenIsPausedWithoutACall() {
    Connection noUrl = new Connection("acme", "magento", Environment.PRODUCTION, Map.of(),
        Secrets.of(Map.of("access_token", "t")), 1);
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> magento.adapter.fetchOrders(noUrl, OrderCursor.START));
    assertEquals("missing_base_url", e.code());

    Connection noToken = new Connection("acme", "magento", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, magento.server.url("/").toString()), Secrets.none(), 1);
    assertEquals("missing_credential", assertThrows(AuthenticationFailure.class,
        () -> magento.adapter.fetchOrders(noToken, OrderCursor.START)).code());
    assertEquals(0, magento.server.getRequestCount());
  }

  @Test
  void aStoreUnderAPathKeepsItsPath() {
    magento.reply(200, "{\"items\":[],\"total_count\":0}");

    magento.adapter.fetchOrders(magento.connection(Map.of(Connection.BASE_URL,
        magento.server.url("/shop/index.php/").toString())), OrderCursor.START);

    assertEquals("/shop/index.php/rest/all/V1/orders", magento.take().getRequestUrl().encodedPath());
  }

  @Test
  void theConnectionTestSearchesOneProduct() {
    magento.reply(200, "{\"total_count\":12}");

    Health health = magento.adapter.testConnection(magento.connection());

    assertTrue(health.ok());
    assertEquals(magento.server.getHostName(), health.account());
    RecordedRequest r = magento.take();
    HttpUrl url = r.getRequestUrl();
    assertEquals("/rest/all/V1/products", url.encodedPath());
    assertEquals("1", url.queryParameter("searchCriteria[pageSize]"));
  }

  @Test
  void aRefusedTokenFailsTheConnectionTestWithTheBearerSettingHint() {
    magento.reply(401, NOT_AUTHORIZED);

    Health health = magento.adapter.testConnection(magento.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("Allow OAuth Access Tokens to be used as standalone Bearer tokens"),
        health.message());
  }

  private Executable pullOrders() {
    return () -> magento.adapter.fetchOrders(magento.connection(), OrderCursor.START);
  }
}
