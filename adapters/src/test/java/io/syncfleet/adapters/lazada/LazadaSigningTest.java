package io.syncfleet.adapters.lazada;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signing test vectors (the facts file's §0 and Lazada's own guide), by recipe and as sent. */
class LazadaSigningTest {
  private static final byte[] PUSH_BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String PUSH_SIGN = "79be9c93e4e3f76f99f79941ccaa65bfc4babe8e99c49a7c4a35965d45ec39c0";

  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();

  @Test
  void factsFileVector() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("app_key", "123456");
    params.put("timestamp", "1517886554000");
    params.put("sign_method", "sha256");
    params.put("access_token", "tok");
    params.put("order_id", "282346141643186");

    assertEquals("8EA63B3439412016CB69FCED21E4D22D9657662FEFC21CE1529B863DD4E604C4",
        LazadaSigner.sign("/order/get", params, "test_app_secret"));
  }

  @Test
  void lazadasGuideVector() {
    Map<String, String> params = Map.of("app_key", "123456", "access_token", "test", "timestamp", "1517820392000",
        "sign_method", "sha256", "order_id", "1234");

    assertEquals("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A",
        LazadaSigner.sign("/order/get", params, "helloworld"));
  }

  @Test
  void emptyParametersAreNeitherSentNorSigned() {
    Map<String, String> business = new LinkedHashMap<>();
    business.put("order_id", "282346141643186");
    business.put("status", "");
    business.put("offset", null);
    Request request = LazadaSigner.request(HttpUrl.get("https://api.lazada.sg/rest/order/get"), "GET", "/order/get",
        Map.of("app_key", "123456", "timestamp", "1517886554000", "sign_method", "sha256", "access_token", "tok"),
        business, "test_app_secret");

    HttpUrl url = request.url();
    assertEquals("8EA63B3439412016CB69FCED21E4D22D9657662FEFC21CE1529B863DD4E604C4", url.queryParameter("sign"));
    assertFalse(url.queryParameterNames().contains("status"));
    assertFalse(url.queryParameterNames().contains("offset"));
    assertEquals("/rest/order/get", url.encodedPath());
  }

  @Test
  void theAdapterSignsItsConnectionTestWithTheFixedTimestamp() {
    lazada.ok("{\"name\":\"Acme SG\",\"seller_id\":1001,\"status\":\"ACTIVE\"}");

    Health health = lazada.adapter.testConnection(lazada.connection());

    assertTrue(health.ok(), health.message());
    assertEquals("Acme SG", health.account());
    RecordedRequest r = lazada.take();
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/seller/get", url.encodedPath());
    assertEquals("1517886554000", url.queryParameter("timestamp"));
    assertEquals("D5DB2831DA7A4786D5C8C340EEC7BF37AB954B22C350CA1A9031131C0F1DED40", url.queryParameter("sign"),
        "UPPERCASE hex over /seller/get + access_token, app_key, sign_method, timestamp");
  }

  @Test
  void pushVectorVerifies() {
    assertEquals(PUSH_SIGN, LazadaPush.sign("123456", PUSH_BODY, "test_app_secret"));
    assertTrue(LazadaPush.verify("123456", PUSH_BODY, PUSH_SIGN, "test_app_secret"));
    Connection c = new Connection("acme", "lazada", Environment.PRODUCTION, Map.of(),
        Secrets.of(LazadaFixture.secrets()), 1);
    assertTrue(LazadaPush.verify(c, PUSH_BODY, PUSH_SIGN));
  }

  @Test
  void aTamperedOrUnsignedPushIsRejected() {
    byte[] tampered = "{\"id\":1,\"title\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(LazadaPush.verify("123456", tampered, PUSH_SIGN, "test_app_secret"));
    assertFalse(LazadaPush.verify("654321", PUSH_BODY, PUSH_SIGN, "test_app_secret"), "the app key is signed too");
    assertFalse(LazadaPush.verify("123456", PUSH_BODY, PUSH_SIGN.toUpperCase(), "test_app_secret"),
        "pushes are signed in lowercase hex, unlike API calls");
    assertFalse(LazadaPush.verify("123456", PUSH_BODY, null, "test_app_secret"));
    assertFalse(LazadaPush.verify("123456", PUSH_BODY, PUSH_SIGN, ""));
    Connection keyless = new Connection("acme", "lazada", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);
    assertFalse(LazadaPush.verify(keyless, PUSH_BODY, PUSH_SIGN));
  }
}
