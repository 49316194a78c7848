package io.syncfleet.adapters.opencart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenCart: the connection test through the API login, and every other operation absent. */
class OpenCartAdapterTest {
  private static final String KEY = "Zk3p9V" + "x".repeat(250);

  private final MockWebServer server = new MockWebServer();
  private final OpenCartAdapter adapter =
      new OpenCartAdapter(MarketplaceHttp.create(Clock.systemUTC()).withReadTimeout(Duration.ofMillis(300)));

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void aThreeZeroStoreLogsInAtApiLoginWithTheFormFields() throws Exception {
    reply("{\"success\":\"Success: API session successfully started!\",\"api_token\":\"0b8d7a6f5e4c3b2a19d8c7b6a5\"}");

    Health health = adapter.testConnection(connection(Map.of()));

    assertTrue(health.ok(), health.message());
    assertEquals("Default", health.account());
    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals("/index.php", r.getRequestUrl().encodedPath());
    assertEquals("api/login", r.getRequestUrl().queryParameter("route"));
    assertEquals("username=Default&key=" + KEY, r.getBody().readUtf8());
  }

  @Test
  void aFourZeroStoreLogsInAtItsAccountRoute() throws Exception {
    reply("{\"success\":\"Success: API session successfully started!\",\"api_token\":\"abc\"}");

    assertTrue(adapter.testConnection(connection(Map.of("version", "4.0.2.3"))).ok());

    assertEquals("api/account/login", take().getRequestUrl().queryParameter("route"));
  }

  @Test
  void aWrongKeyOnThreeZeroIsAnEmptyAnswerAndFails() {
    reply("[]");

    Health health = adapter.testConnection(connection(Map.of()));

    assertFalse(health.ok());
    assertTrue(health.message().contains("refused the API username or key"), health.message());
  }

  @Test
  void anIpNotOnTheListSaysWhichAndWhereToAddIt() {
    reply("{\"error\":{\"ip\":\"Warning: Your IP 203.0.113.9 is not allowed to access this API!\","
        + "\"key\":\"Warning: Incorrect API Key!\"}}");

    Health health = adapter.testConnection(connection(Map.of()));

    assertFalse(health.ok());
    assertEquals("Warning: Your IP 203.0.113.9 is not allowed to access this API!: add this server's address under "
        + "System > Users > API, IP Addresses", health.message());
  }

  @Test
  void aFourZeroRefusalCarriesItsMessage() {
    reply("{\"error\":\"Warning: Incorrect API Key!\"}");

    Health health = adapter.testConnection(connection(Map.of("version", "4.0")));

    assertFalse(health.ok());
    assertTrue(health.message().startsWith("Warning: Incorrect API Key!"), health.message());
  }

  @Test
  void aFourOneStoreHasNoLoginToTestAndSaysSoWithoutACall() {
    Health health = adapter.testConnection(connection(Map.of("version", "4.1.0.4")));

    assertFalse(health.ok());
    assertTrue(health.message().contains("REST API extension"), health.message());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void missingCredentialsFailWithoutACall() {
    Connection c = new Connection("acme", "opencart", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, server.url("/").toString()), Secrets.of(Map.of("api_username", "Default")), 1);

    Health health = adapter.testConnection(c);

    assertFalse(health.ok());
    assertTrue(health.message().contains("api_key"), health.message());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void phpNoticesBeforeTheAnswerAreReportedNotParsed() {
    reply("<b>Notice</b>: Undefined index: key in /catalog/controller/api/login.php on line 12{\"api_token\":\"x\"}");

    Health health = adapter.testConnection(connection(Map.of()));

    assertFalse(health.ok());
    assertTrue(health.message().contains("display_errors"), health.message());
  }

  @Test
  void aMissingRouteHintsAtTheVersionSetting() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("<html>Page not found</html>"));

    Health health = adapter.testConnection(connection(Map.of()));

    assertFalse(health.ok());
    assertTrue(health.message().contains("setting 'version'"), health.message());
  }

  @Test
  void aServerErrorOrNoAnswerIsTransient() {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals(502, assertThrows(TransientFailure.class, () -> adapter.testConnection(connection(Map.of()))).httpStatus());
    assertEquals("timeout", assertThrows(TransientFailure.class, () -> adapter.testConnection(connection(Map.of()))).code());
  }

  @Test
  void onlyTheConnectionTestIsOfferedAndEverythingElseIsAbsent() {
    MarketplaceAdapter registered = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
        .find("opencart").orElseThrow();

    assertEquals(Channels.OPENCART, registered.capabilities().spec());
    assertEquals(java.util.Set.of(Operation.TEST_CONNECTION), Channels.OPENCART.operations());
    assertTrue(registered.capabilities().ratePlan(Operation.TEST_CONNECTION).orElseThrow().source().startsWith("[U]"));
    assertThrows(UnsupportedOperationException.class,
        () -> registered.updateStock(connection(Map.of()), List.of(StockLevel.of("A", 1))));
    assertThrows(UnsupportedOperationException.class,
        () -> registered.fetchOrders(connection(Map.of()), OrderCursor.START));
    assertEquals("unsupported", registered.validate(Listing.of("A", "B", BigDecimal.ONE, "EUR", 1)).get(0).rule());
  }

  private void reply(String body) {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
    assertNotNull(r);
    return r;
  }

  private Connection connection(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put(Connection.BASE_URL, server.url("/").toString());
    return new Connection("acme", "opencart", Environment.PRODUCTION, all,
        Secrets.of(Map.of("api_username", "Default", "api_key", KEY)), 1);
  }
}
