package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login with Amazon: the refresh-token exchange, the token's use, caching, renewal and refusal. */
class AmazonAuthTest {
  private static final String NO_ORDERS = "{\"payload\":{\"Orders\":[]}}";
  private static final String EXPIRED = "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested "
      + "resource is denied.\",\"details\":\"The access token you provided has expired.\"}]}";

  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();
  private final Connection connection = amazon.connection();

  @Test
  void exchangesTheRefreshTokenAndSendsTheAccessTokenInItsOwnHeader() {
    amazon.token("Atza|tok-1");
    amazon.reply(200, NO_ORDERS);

    amazon.adapter.fetchOrders(connection, OrderCursor.START);

    RecordedRequest token = amazon.take();
    assertEquals("POST", token.getMethod());
    assertEquals("/auth/o2/token", token.getPath());
    assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertNull(token.getHeader("Authorization"), "LWA takes the client credentials in the form");
    assertEquals(Map.of(
        "grant_type", "refresh_token",
        "refresh_token", AmazonFixture.REFRESH_TOKEN,
        "client_id", AmazonFixture.CLIENT_ID,
        "client_secret", AmazonFixture.CLIENT_SECRET), form(token));

    RecordedRequest call = amazon.take();
    assertEquals("Atza|tok-1", call.getHeader("x-amz-access-token"));
    assertNull(call.getHeader("Authorization"), "no SigV4 and no bearer header");
  }

  @Test
  void reusesTheTokenUntilAMinuteBeforeItsHourIsUp() {
    amazon.token("tok-1");
    amazon.reply(200, NO_ORDERS);
    amazon.reply(200, NO_ORDERS);
    amazon.adapter.fetchOrders(connection, OrderCursor.START);
    amazon.clock.advance(Duration.ofMinutes(58));
    amazon.adapter.fetchOrders(connection, OrderCursor.START);

    assertEquals("tok-1", amazon.takeAfterToken().getHeader("x-amz-access-token"));
    assertEquals("tok-1", amazon.take().getHeader("x-amz-access-token"), "no second exchange");
    assertEquals(3, amazon.server.getRequestCount());

    amazon.clock.advance(Duration.ofSeconds(90));
    amazon.token("tok-2");
    amazon.reply(200, NO_ORDERS);
    amazon.adapter.fetchOrders(connection, OrderCursor.START);
    assertEquals("tok-2", amazon.takeAfterToken().getHeader("x-amz-access-token"));
  }

  @Test
  void anExpiredTokenAnsweredWith403IsRenewedOnceAndTheCallRepeated() {
    amazon.token("tok-1");
    amazon.reply(403, EXPIRED);
    amazon.token("tok-2");
    amazon.reply(200, NO_ORDERS);

    amazon.adapter.fetchOrders(connection, OrderCursor.START);

    RecordedRequest first = amazon.takeAfterToken();
    RecordedRequest repeated = amazon.takeAfterToken();
    assertEquals("tok-1", first.getHeader("x-amz-access-token"));
    assertEquals("tok-2", repeated.getHeader("x-amz-access-token"));
    assertEquals(first.getPath(), repeated.getPath());
  }

  @Test
  void aCallRefusedWithAFreshTokenIsAnAuthenticationFailureThatNamesTheRole() {
    String denied = "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\","
        + "\"details\":\"\"}]}";
    amazon.token("tok-1");
    amazon.reply(403, denied);
    amazon.token("tok-2");
    amazon.reply(403, denied);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals(403, e.httpStatus());
    assertEquals("Unauthorized", e.code());
    assertTrue(e.getMessage().contains("role"), e.getMessage());
    assertEquals(4, amazon.server.getRequestCount(), "renewed once, not in a loop");
  }

  @Test
  void aRevokedAuthorizationAsksTheSellerToAuthorizeAgain() {
    amazon.reply(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant "
        + "parameter : refresh_token\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals("invalid_grant", e.code());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("authorize the application again"), e.getMessage());
    assertFalse(e.getMessage().contains(AmazonFixture.REFRESH_TOKEN), "no secret in the message");
    assertFalse(e.getMessage().contains(AmazonFixture.CLIENT_SECRET), "no secret in the message");
    assertEquals(1, amazon.server.getRequestCount());
  }

  @Test
  void aRotatedClientSecretIsAnAuthenticationFailureThatSaysSo() {
    amazon.reply(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));

    assertEquals("invalid_client", e.code());
    assertTrue(e.getMessage().contains("client_secret"), e.getMessage());
    assertEquals(1, amazon.server.getRequestCount());
  }

  @Test
  void aGarbledTokenAnswerIsTransient() {
    amazon.reply(200, "{\"token_type\":\"bearer\"}");

    assertThrows(TransientFailure.class, () -> amazon.adapter.fetchOrders(connection, OrderCursor.START));
  }

  @Test
  void aMissingCredentialFailsWithoutCallingAmazon() {
    Connection incomplete = amazon.connection(Secrets.of(Map.of("client_id", "c", "client_secret", "s")));

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> amazon.adapter.fetchOrders(incomplete, OrderCursor.START));

    assertEquals("missing_credential", e.code());
    assertTrue(e.getMessage().contains("refresh_token"), e.getMessage());
    assertEquals(0, amazon.server.getRequestCount());
  }

  @Test
  void aNewConnectionVersionGetsANewToken() {
    amazon.token("tok-1");
    amazon.reply(200, NO_ORDERS);
    amazon.token("tok-2");
    amazon.reply(200, NO_ORDERS);
    Connection rotated = new Connection(connection.tenant(), connection.channel(), connection.environment(),
        connection.settings(), Secrets.of(Map.of("client_id", "c", "client_secret", "s", "refresh_token", "r2")), 2);

    amazon.adapter.fetchOrders(connection, OrderCursor.START);
    amazon.adapter.fetchOrders(rotated, OrderCursor.START);

    amazon.takeAfterToken();
    RecordedRequest exchange = amazon.take();
    assertEquals("r2", form(exchange).get("refresh_token"));
    assertEquals("tok-2", amazon.take().getHeader("x-amz-access-token"));
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
