package io.syncfleet.adapters.prestashop;

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

/** The key, the connection test's permission report, and how every failed answer is classified. */
class PrestaShopConnectionTest {
  private static final String ALL = " get=\"true\" put=\"true\" post=\"true\" delete=\"true\" head=\"true\"";

  @RegisterExtension
  final PrestaShopMockShop shop = new PrestaShopMockShop(Duration.ofMillis(300));

  @Test
  void connectionTestNamesTheShopWhenTheKeyHasEveryPermission() {
    shop.xml(200, "<?xml version=\"1.0\"?><prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        + "<api shopName=\"Acme Mugs\">" + resources(ALL, ALL) + "</api></prestashop>");

    Health health = shop.adapter.testConnection(shop.connection());

    assertTrue(health.ok(), health.message());
    assertEquals("Acme Mugs", health.account());
    assertEquals("/api/", shop.take("GET", "").getRequestUrl().encodedPath());
  }

  @Test
  void connectionTestListsThePermissionsTheKeyLacks() {
    shop.xml(200, "<prestashop><api shopName=\"Acme\">" + resources(ALL, " get=\"true\" put=\"false\"")
        .replace("<orders" + ALL + "/>", "") + "</api></prestashop>");

    Health health = shop.adapter.testConnection(shop.connection());

    assertFalse(health.ok());
    assertEquals("the webservice key lacks these permissions (Advanced Parameters > Webservice): orders GET, "
        + "stock_availables PUT", health.message());
  }

  @Test
  void connectionTestReportsARefusedKey() {
    shop.xml(401, "<prestashop><errors><error><code><![CDATA[20]]></code><message><![CDATA[Authentification key is "
        + "not active]]></message></error></errors></prestashop>");

    Health health = shop.adapter.testConnection(shop.connection());

    assertFalse(health.ok());
    assertTrue(health.message().endsWith("Authentification key is not active"), health.message());
  }

  @Test
  void aDisabledWebserviceIsNotAPassingOutagePausesTheConnection() {
    shop.json(503, "{\"errors\":[{\"code\":22,\"message\":\"The PrestaShop webservice is disabled. Please activate it "
        + "in the PrestaShop Back Office\"}]}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("22", e.code());
    assertEquals(503, e.httpStatus());
  }

  @Test
  void aMissingMethodPermissionPausesTheConnection() {
    shop.json(405, "{\"errors\":[{\"code\":25,\"message\":\"Method GET is not allowed for the resource orders with this "
        + "authentication key\"}]}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, pullOrders());

    assertEquals("25", e.code());
    assertTrue(e.getMessage().contains("Advanced Parameters > Webservice"));
  }

  @Test
  void aMissingKeyPausesTheConnectionWithoutACall() {
    Connection noKey = new Connection("acme", "prestashop", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, shop.server.url("/").toString()), Secrets.none(), 1);

    assertEquals("missing_credential", assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.fetchOrders(noKey, OrderCursor.START)).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void aKeyOfTheWrongLengthPausesTheConnectionWithoutACall() {
    Connection shortKey = new Connection("acme", "prestashop", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, shop.server.url("/").toString()), Secrets.of(Map.of("webservice_key", "ABC")), 1);

    assertEquals("invalid_credential", assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.fetchOrders(shortKey, OrderCursor.START)).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void aBusyHostsThrottleCarriesItsWait() {
    shop.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "30"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, pullOrders());

    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
  }

  @Test
  void a429WithoutRetryAfterLeavesTheWaitToTheWorker() {
    shop.enqueue(new MockResponse().setResponseCode(429));

    assertTrue(assertThrows(RateLimitedFailure.class, pullOrders()).retryAfter().isEmpty());
  }

  @Test
  void aServerErrorIsTransientWithPrestaShopsCode() {
    shop.json(500, "{\"errors\":[{\"code\":2,\"message\":\"[PHP Error #1] Allowed memory size exhausted\"}]}");

    TransientFailure e = assertThrows(TransientFailure.class, pullOrders());

    assertEquals("2", e.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    shop.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals("timeout", assertThrows(TransientFailure.class, pullOrders()).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    shop.json(200, "<html>maintenance</html>");

    assertThrows(TransientFailure.class, pullOrders());
  }

  @Test
  void aRefusedQueryIsPermanentWithEveryMessage() {
    shop.xml(400, "<prestashop><errors><error><code><![CDATA[32]]></code><message><![CDATA[This filter does not "
        + "exist]]></message></error><error><code>33</code><message>The filter is malformed.</message></error></errors>"
        + "</prestashop>");

    PermanentFailure e = assertThrows(PermanentFailure.class, pullOrders());

    assertEquals("32", e.code());
    assertEquals("This filter does not exist; The filter is malformed.", e.getMessage());
  }

  @Test
  void anHtmlErrorPageSaysOnlyItsStatus() {
    shop.xml(404, "<html><body><h1>Not Found</h1></body></html>");

    assertEquals("HTTP 404", assertThrows(PermanentFailure.class, pullOrders()).getMessage());
  }

  private Executable pullOrders() {
    return () -> shop.adapter.fetchOrders(shop.connection(), OrderCursor.START);
  }

  private static String resources(String all, String stock) {
    StringBuilder out = new StringBuilder();
    for (String r : new String[] {"products", "combinations", "product_options", "product_option_values", "languages",
        "orders", "currencies"}) {
      out.append("<").append(r).append(all).append("/>");
    }
    return out.append("<stock_availables").append(stock).append("/>").toString();
  }
}
