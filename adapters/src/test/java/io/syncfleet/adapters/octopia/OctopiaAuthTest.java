package io.syncfleet.adapters.octopia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client-credentials token: how it is asked for, cached, renewed and refused. */
class OctopiaAuthTest {
  private static final String NO_ORDERS = "{\"items\":[]}";

  @RegisterExtension
  final OctopiaFixture octopia = new OctopiaFixture();

  @Test
  void asksForAClientCredentialsTokenAndSendsItWithTheSellerId() {
    octopia.token("tok-1");
    octopia.reply(200, "{\"sellerId\":98979,\"shopName\":\"Acme FR\"}");

    Health health = octopia.adapter.testConnection(octopia.connection());

    assertEquals(Health.ok("Acme FR (98979)"), health);
    RecordedRequest token = octopia.take();
    assertEquals("POST", token.getMethod());
    assertEquals(OctopiaFixture.TOKEN_PATH, token.getPath());
    assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("grant_type=client_credentials&client_id=client-1&client_secret=secret-1",
        token.getBody().readUtf8());
    RecordedRequest seller = octopia.take();
    assertEquals("GET", seller.getMethod());
    assertEquals("/seller/v2/sellers", seller.getPath());
    assertEquals("Bearer tok-1", seller.getHeader("Authorization"));
    assertEquals(OctopiaFixture.SELLER_ID, seller.getHeader("SellerId"));
  }

  @Test
  void oneTokenServesEveryCallUntilItIsAboutToExpire() {
    Connection c = octopia.connection();
    octopia.token("tok-1");
    octopia.reply(200, NO_ORDERS);
    octopia.reply(200, NO_ORDERS);
    octopia.adapter.fetchOrders(c, OrderCursor.START);
    octopia.clock.advance(Duration.ofMinutes(100));
    octopia.adapter.fetchOrders(c, OrderCursor.START);
    assertEquals("Bearer tok-1", octopia.takeAfterToken().getHeader("Authorization"));
    assertEquals("Bearer tok-1", octopia.take().getHeader("Authorization"));

    octopia.clock.advance(Duration.ofMinutes(20));
    octopia.token("tok-2");
    octopia.reply(200, NO_ORDERS);
    octopia.adapter.fetchOrders(c, OrderCursor.START);

    assertEquals("Bearer tok-2", octopia.takeAfterToken().getHeader("Authorization"));
  }

  @Test
  void aTokenRefusedBeforeItsExpiryIsRenewedOnceAndTheCallRepeated() {
    octopia.token("tok-1");
    octopia.reply(401, "{\"title\":\"Unauthorized\",\"status\":401}");
    octopia.token("tok-2");
    octopia.reply(200, NO_ORDERS);

    octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START);

    assertEquals("Bearer tok-1", octopia.takeAfterToken().getHeader("Authorization"));
    assertEquals("Bearer tok-2", octopia.takeAfterToken().getHeader("Authorization"));
  }

  @Test
  void aSecondRefusalIsAnAuthenticationFailure() {
    octopia.token("tok-1");
    octopia.reply(401, "{\"title\":\"Unauthorized\",\"status\":401}");
    octopia.token("tok-2");
    octopia.reply(401, "{\"title\":\"Unauthorized\",\"status\":401}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START));

    assertEquals(401, e.httpStatus());
    assertEquals(4, octopia.server.getRequestCount());
  }

  @Test
  void wrongClientCredentialsPauseTheConnection() {
    octopia.reply(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START));

    assertEquals("unauthorized_client", e.code());
    assertTrue(e.getMessage().contains("Invalid client secret"));
    assertTrue(e.getMessage().contains("create new API credentials"));
  }

  @Test
  void anInvalidClientAnsweredWith400IsAnAuthenticationFailureToo() {
    octopia.reply(400, "{\"error\":\"invalid_client\",\"error_description\":\"Client not found\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START));

    assertEquals("invalid_client", e.code());
  }

  @Test
  void aGarbageTokenAnswerIsTransient() {
    octopia.reply(200, "<html>login</html>");

    assertThrows(TransientFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(), OrderCursor.START));
  }

  @Test
  void aMissingSellerIdPausesTheConnectionWithoutACall() {
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.fetchOrders(octopia.connection(Map.of("seller_id", "")), OrderCursor.START));

    assertEquals("missing_setting", e.code());
    assertTrue(e.getMessage().contains("seller_id"));
    assertEquals(0, octopia.server.getRequestCount());
  }

  @Test
  void anExplicitTokenEndpointWins() {
    octopia.token("tok-1");
    octopia.reply(200, NO_ORDERS);

    octopia.adapter.fetchOrders(octopia.connection(Map.of("auth_url",
        octopia.server.url("/custom/token").toString())), OrderCursor.START);

    assertEquals("/custom/token", octopia.take().getPath());
  }

  @Test
  void theConnectionTestReportsRefusedCredentials() {
    octopia.reply(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}");

    Health health = octopia.adapter.testConnection(octopia.connection());

    assertEquals(false, health.ok());
    assertTrue(health.message().contains("Invalid client secret"));
  }
}
