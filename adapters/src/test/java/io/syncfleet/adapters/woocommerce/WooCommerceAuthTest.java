package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.StockLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How credentials travel: OAuth 1.0a over HTTP (with a known vector), Basic or query auth over HTTPS. */
class WooCommerceAuthTest {
  @RegisterExtension
  final WooCommerceMockShop shop = new WooCommerceMockShop();

  /** Computed independently from WooCommerce's PHP recipe (rawurlencode, strcmp sort, secret + "&"). */
  @Test
  void oauthSignatureMatchesTheKnownVector() {
    HttpUrl url = HttpUrl.get("http://shop.example/wp-json/wc/v3/products").newBuilder()
        .addQueryParameter("sku", "A-1,B 2")
        .addQueryParameter("per_page", "100")
        .addQueryParameter("oauth_consumer_key", "ck_test")
        .addQueryParameter("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm")
        .addQueryParameter("oauth_signature_method", "HMAC-SHA256")
        .addQueryParameter("oauth_timestamp", "1717243200")
        .build();

    assertEquals("GET&http%3A%2F%2Fshop.example%2Fwp-json%2Fwc%2Fv3%2Fproducts&oauth_consumer_key%3Dck_test"
        + "%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm%26oauth_signature_method%3DHMAC-SHA256"
        + "%26oauth_timestamp%3D1717243200%26per_page%3D100%26sku%3DA-1%252CB%25202",
        WooCommerceOAuth1.baseString("GET", url));
    assertEquals("ebOusGYtSb+zmSOqq+yxcyNbngiqwmksiaqBdkV6+Pc=", WooCommerceOAuth1.signature("GET", url, "cs_test"));
  }

  @Test
  void overPlainHttpTheQueryIsSignedWithTheClockAndTheSecretNeverTravels() {
    WooCommerceAuth auth = new WooCommerceAuth(Clock.fixed(Instant.ofEpochSecond(1717243200), ZoneOffset.UTC),
        () -> "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm");
    Request signed = auth.authorize(connection("http://shop.example"), new Request.Builder()
        .url("http://shop.example/wp-json/wc/v3/products?sku=A-1%2CB%202&per_page=100").get().build());

    assertEquals("ebOusGYtSb+zmSOqq+yxcyNbngiqwmksiaqBdkV6+Pc=", signed.url().queryParameter("oauth_signature"));
    assertEquals("1717243200", signed.url().queryParameter("oauth_timestamp"));
    assertNull(signed.header("Authorization"));
    assertFalse(signed.url().toString().contains("cs_test"));
  }

  @Test
  void aPortThatIsNotTheDefaultIsPartOfTheSignedUrl() {
    assertEquals("http://shop.example:8080/wp-json/wc/v3/orders",
        WooCommerceOAuth1.baseUri(HttpUrl.get("http://shop.example:8080/wp-json/wc/v3/orders?page=2")));
    assertEquals("https://shop.example/wp-json/wc/v3/orders",
        WooCommerceOAuth1.baseUri(HttpUrl.get("https://shop.example:443/wp-json/wc/v3/orders")));
  }

  @Test
  void nonceIsThirtyTwoAlphanumericsAndFreshEachCall() {
    WooCommerceAuth auth = new WooCommerceAuth(Clock.systemUTC());
    Request request = new Request.Builder().url("http://shop.example/wp-json/wc/v3/products").get().build();
    String first = auth.authorize(connection("http://shop.example"), request).url().queryParameter("oauth_nonce");
    String second = auth.authorize(connection("http://shop.example"), request).url().queryParameter("oauth_nonce");

    assertTrue(first.matches("[A-Za-z0-9]{32}"), first);
    assertFalse(first.equals(second));
  }

  @Test
  void overHttpsTheKeyAndSecretAreBasicAuth() {
    shop.found();
    WooCommerceAdapter https = shop.https();

    https.updateStock(connection("https://shop.example"), List.of(StockLevel.of("SKU-1", 1)));

    RecordedRequest r = shop.take();
    assertEquals(okhttp3.Credentials.basic("ck_test", "cs_test"), r.getHeader("Authorization"));
    assertNull(r.getRequestUrl().queryParameter("oauth_signature"));
    assertNull(r.getRequestUrl().queryParameter("consumer_secret"));
  }

  @Test
  void overHttpsWithQueryStringAuthTheKeyIsInTheQuery() {
    shop.found();
    WooCommerceAdapter https = shop.https();
    Connection c = new Connection("acme", "woocommerce", Environment.PRODUCTION,
        Map.of("store_url", "https://shop.example", "query_string_auth", "true"),
        Secrets.of(Map.of("consumer_key", "ck_test", "consumer_secret", "cs_test")), 1);

    https.updateStock(c, List.of(StockLevel.of("SKU-1", 1)));

    RecordedRequest r = shop.take();
    assertNull(r.getHeader("Authorization"));
    assertEquals("ck_test", r.getRequestUrl().queryParameter("consumer_key"));
    assertEquals("cs_test", r.getRequestUrl().queryParameter("consumer_secret"));
  }

  @Test
  void theStoreUrlIsTheSiteAddressTheApiHangsUnder() {
    shop.found();
    WooCommerceAdapter https = shop.https();

    https.updateStock(connection("https://shop.example/blog"), List.of(StockLevel.of("SKU-1", 1)));

    assertEquals("/blog/wp-json/wc/v3/products", shop.take().getRequestUrl().encodedPath());
  }

  @Test
  void aMissingCredentialPausesTheConnectionWithoutACall() {
    Connection noSecret = new Connection("acme", "woocommerce", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, shop.server.url("/").toString()), Secrets.of(Map.of("consumer_key", "ck")), 1);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.updateStock(noSecret, List.of(StockLevel.of("SKU-1", 1))));

    assertEquals("missing_credential", e.code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void aConnectionWithoutStoreUrlPausesWithoutACall() {
    Connection noStore = new Connection("acme", "woocommerce", Environment.PRODUCTION, Map.of(),
        Secrets.of(Map.of("consumer_key", "ck", "consumer_secret", "cs")), 1);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.updateStock(noStore, List.of(StockLevel.of("SKU-1", 1))));

    assertEquals("missing_store_url", e.code());
    assertTrue(e.getMessage().contains("store_url"));
  }

  @Test
  void aRefusedKeyIsAnAuthenticationFailureWithWooCommercesCode() {
    shop.reply(401, "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Invalid signature - "
        + "provided signature does not match.\",\"data\":{\"status\":401}}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.updateStock(shop.connection(), List.of(StockLevel.of("SKU-1", 1))));

    assertEquals(401, e.httpStatus());
    assertEquals("woocommerce_rest_authentication_error", e.code());
    assertEquals("Invalid signature - provided signature does not match.", e.getMessage());
  }

  @Test
  void connectionTestReadsOneProductAndNamesTheShop() {
    shop.found(WooCommerceMockShop.simple(1, "X"));

    Health health = shop.adapter.testConnection(shop.connection());

    assertTrue(health.ok());
    assertEquals(shop.server.getHostName(), health.account());
    RecordedRequest r = shop.take("GET", "products");
    assertEquals("1", r.getRequestUrl().queryParameter("per_page"));
    assertEquals("id", r.getRequestUrl().queryParameter("_fields"));
  }

  @Test
  void connectionTestReportsAReadOnlyOrRevokedKey() {
    shop.reply(401, "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is invalid.\","
        + "\"data\":{\"status\":401}}");

    Health health = shop.adapter.testConnection(shop.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("Consumer key is invalid."), health.message());
  }

  private static Connection connection(String storeUrl) {
    return new Connection("acme", "woocommerce", Environment.PRODUCTION, Map.of("store_url", storeUrl),
        Secrets.of(Map.of("consumer_key", "ck_test", "consumer_secret", "cs_test")), 1);
  }
}
