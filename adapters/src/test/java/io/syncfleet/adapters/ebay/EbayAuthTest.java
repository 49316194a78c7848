package io.syncfleet.adapters.ebay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EbayAuthTest {
  private static final String EMPTY_ORDERS = "{\"total\":0,\"orders\":[]}";

  @RegisterExtension
  final EbayFixture ebay = new EbayFixture();
  private final Connection connection = ebay.connection();

  @Test
  void mintsATokenWithTheRefreshGrantAndSendsItAsBearer() throws Exception {
    ebay.token("tok-1");
    ebay.reply(200, "{\"total\":0,\"inventoryItems\":[]}");

    Health health = ebay.adapter.testConnection(connection);

    assertTrue(health.ok(), health.message());
    RecordedRequest token = ebay.take();
    assertEquals("POST", token.getMethod());
    assertEquals("/identity/v1/oauth2/token", token.getPath());
    assertEquals("Basic " + Base64.getEncoder().encodeToString(
        "client-1:secret-1".getBytes(StandardCharsets.UTF_8)), token.getHeader("Authorization"));
    assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals(Map.of(
        "grant_type", "refresh_token",
        "refresh_token", "refresh-1",
        "scope", "https://api.ebay.com/oauth/api_scope https://api.ebay.com/oauth/api_scope/sell.inventory "
            + "https://api.ebay.com/oauth/api_scope/sell.fulfillment"), form(token));

    RecordedRequest call = ebay.take();
    assertEquals("GET", call.getMethod());
    assertEquals("/sell/inventory/v1/inventory_item?limit=1", call.getPath());
    assertEquals("Bearer tok-1", call.getHeader("Authorization"));
  }

  @Test
  void reusesTheTokenUntilShortlyBeforeItExpires() {
    ebay.token("tok-1");
    ebay.reply(200, EMPTY_ORDERS);
    ebay.reply(200, EMPTY_ORDERS);
    ebay.adapter.fetchOrders(connection, OrderCursor.START);
    ebay.clock.advance(Duration.ofSeconds(7200 - 120));
    ebay.adapter.fetchOrders(connection, OrderCursor.START);

    assertEquals("Bearer tok-1", ebay.takeAfterToken().getHeader("Authorization"));
    RecordedRequest second = ebay.take();
    assertEquals("Bearer tok-1", second.getHeader("Authorization"), "no second token call");
    assertEquals(3, ebay.server.getRequestCount());

    ebay.clock.advance(Duration.ofSeconds(90)); // now inside the last minute of the token's life
    ebay.token("tok-2");
    ebay.reply(200, EMPTY_ORDERS);
    ebay.adapter.fetchOrders(connection, OrderCursor.START);
    assertEquals("Bearer tok-2", ebay.takeAfterToken().getHeader("Authorization"));
  }

  @Test
  void aRejectedTokenIsRenewedOnceAndTheCallRepeated() {
    ebay.token("tok-1");
    ebay.reply(401, "{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}");
    ebay.token("tok-2");
    ebay.reply(200, EMPTY_ORDERS);

    ebay.adapter.fetchOrders(connection, OrderCursor.START);

    RecordedRequest first = ebay.takeAfterToken();
    RecordedRequest repeated = ebay.takeAfterToken();
    assertEquals("Bearer tok-1", first.getHeader("Authorization"));
    assertEquals("Bearer tok-2", repeated.getHeader("Authorization"));
    assertEquals(first.getPath(), repeated.getPath());
    assertEquals(4, ebay.server.getRequestCount());
  }

  @Test
  void aSecond401InARowIsAnAuthenticationFailure() {
    ebay.token("tok-1");
    ebay.reply(401, "{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}");
    ebay.token("tok-2");
    ebay.reply(401, "{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> ebay.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals(401, e.httpStatus());
    assertEquals("1001", e.code());
    assertEquals(4, ebay.server.getRequestCount(), "renewed once, not in a loop");
  }

  @Test
  void anExpiredRefreshTokenAsksTheMerchantToReauthorize() {
    ebay.token("tok-1");
    ebay.reply(401, "{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}");
    ebay.reply(400, "{\"error\":\"invalid_grant\",\"error_description\":\"the provided authorization refresh "
        + "token is invalid or was issued to another client\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> ebay.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals("invalid_grant", e.code());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("re-authorize"), e.getMessage());
    assertFalse(e.getMessage().contains(EbayFixture.REFRESH_TOKEN), "no secret in the message");
    assertFalse(e.getMessage().contains(EbayFixture.CLIENT_SECRET), "no secret in the message");
  }

  @Test
  void testConnectionReportsRefusedCredentials() {
    ebay.reply(401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");

    Health health = ebay.adapter.testConnection(connection);

    assertFalse(health.ok());
    assertTrue(health.message().contains("client authentication failed"), health.message());
    assertEquals(1, ebay.server.getRequestCount(), "a refused client is not retried");
  }

  @Test
  void aMissingCredentialFailsWithoutCallingEbay() {
    Connection incomplete = ebay.connection(Secrets.of(Map.of("client_id", "c", "client_secret", "s")));

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> ebay.adapter.fetchOrders(incomplete, OrderCursor.START));

    assertEquals("missing_credential", e.code());
    assertTrue(e.getMessage().contains("refresh_token"), e.getMessage());
    assertEquals(0, ebay.server.getRequestCount());
  }

  private static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.getBody().readUtf8().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }
}
