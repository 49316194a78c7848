package io.syncfleet.adapters.shopee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signing test vectors of the facts file (§0), by recipe and as the adapter sends them. */
class ShopeeSigningTest {
  private static final String PUBLIC_SIGN = "19b2b86451df7a176d9a9fd09771e390ef255a61660572a2f62b35a7f6dde0fe";
  private static final String SHOP_SIGN = "5467e060121e23b60d133a13b2972253695985bf3395b5c088537806fd835e72";
  private static final String PUSH_URL = "https://example.com/webhooks/square";
  private static final byte[] PUSH_BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String PUSH_SIGN = "3c43d83cf67e6247a2ad30d2f21ccc1bd076525daf1d4afd932492ba9c6dae75";

  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();

  @Test
  void publicCallVector() {
    assertEquals(PUBLIC_SIGN, ShopeeSigner.publicCall(ShopeeFixture.PARTNER_KEY, ShopeeFixture.PARTNER_ID,
        "/api/v2/auth/token/get", ShopeeFixture.TIMESTAMP));
  }

  @Test
  void shopCallVector() {
    assertEquals(SHOP_SIGN, ShopeeSigner.shopCall(ShopeeFixture.PARTNER_KEY, ShopeeFixture.PARTNER_ID,
        "/api/v2/shop/get_shop_info", ShopeeFixture.TIMESTAMP, ShopeeFixture.ACCESS_TOKEN, ShopeeFixture.SHOP_ID));
  }

  @Test
  void theAdapterSendsTheShopVectorOnItsConnectionTest() {
    shopee.reply(200, "{\"error\":\"\",\"message\":\"\",\"request_id\":\"r\",\"shop_name\":\"Acme SG\","
        + "\"region\":\"SG\",\"status\":\"NORMAL\",\"expire_time\":1687250431}");

    Health health = shopee.adapter.testConnection(shopee.connection());

    assertTrue(health.ok(), health.message());
    assertEquals("Acme SG", health.account());
    assertTrue(health.message().contains("2023-06-20T08:40:31Z"), health.message());
    RecordedRequest r = shopee.take();
    HttpUrl url = r.getRequestUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/v2/shop/get_shop_info", url.encodedPath());
    assertEquals("2001887", url.queryParameter("partner_id"));
    assertEquals("1655714431", url.queryParameter("timestamp"));
    assertEquals("59777174636562737266615546704c6d", url.queryParameter("access_token"));
    assertEquals("14701711", url.queryParameter("shop_id"));
    assertEquals(SHOP_SIGN, url.queryParameter("sign"));
    assertEquals(64, url.queryParameter("sign").length());
  }

  @Test
  void pushVectorVerifies() {
    assertEquals(PUSH_SIGN, ShopeePush.sign(PUSH_URL, PUSH_BODY, ShopeeFixture.PARTNER_KEY));
    assertTrue(ShopeePush.verify(PUSH_URL, PUSH_BODY, PUSH_SIGN, ShopeeFixture.PARTNER_KEY));
    assertTrue(ShopeePush.verify(connection(), PUSH_URL, PUSH_BODY, PUSH_SIGN));
  }

  @Test
  void aTamperedPushIsRejected() {
    byte[] tampered = "{\"id\":1,\"title\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(ShopeePush.verify(PUSH_URL, tampered, PUSH_SIGN, ShopeeFixture.PARTNER_KEY));
    assertFalse(ShopeePush.verify(PUSH_URL + "/", PUSH_BODY, PUSH_SIGN, ShopeeFixture.PARTNER_KEY),
        "the URL is part of what is signed");
    assertFalse(ShopeePush.verify(PUSH_URL, PUSH_BODY, PUSH_SIGN.toUpperCase(), ShopeeFixture.PARTNER_KEY),
        "Shopee signs in lowercase hex");
    assertFalse(ShopeePush.verify(PUSH_URL, PUSH_BODY, PUSH_SIGN, "other_key"));
  }

  @Test
  void aPushWithoutSignatureOrKeyNeverVerifies() {
    assertFalse(ShopeePush.verify(PUSH_URL, PUSH_BODY, null, ShopeeFixture.PARTNER_KEY));
    assertFalse(ShopeePush.verify(PUSH_URL, PUSH_BODY, "", ShopeeFixture.PARTNER_KEY));
    assertFalse(ShopeePush.verify(PUSH_URL, PUSH_BODY, PUSH_SIGN, ""));
    Connection keyless = new Connection("acme", "shopee", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);
    assertFalse(ShopeePush.verify(keyless, PUSH_URL, PUSH_BODY, PUSH_SIGN));
  }

  @Test
  void aDigestWithALeadingZeroKeepsAll64Characters() {
    // Formatting with %032x, as one of Shopee's samples does, would drop the zero and fail the comparison.
    assertEquals("069b9f51c41a5709816201a8f199726dbdb2ea8811c0316575f8ac038f9458cb",
        ShopeeSigner.publicCall("k", 1, "/api/v2/x", 6));
  }

  private static Connection connection() {
    return new Connection("acme", "shopee", Environment.PRODUCTION, Map.of(),
        Secrets.of(ShopeeFixture.secrets()), 1);
  }
}
