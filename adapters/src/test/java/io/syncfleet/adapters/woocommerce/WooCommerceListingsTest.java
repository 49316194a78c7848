package io.syncfleet.adapters.woocommerce;

import static io.syncfleet.adapters.woocommerce.WooCommerceMockShop.body;
import static io.syncfleet.adapters.woocommerce.WooCommerceMockShop.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upserts: simple products, variable products with variations, idempotency and per-item errors. */
class WooCommerceListingsTest {
  private static final String MUG_IMAGE = "https://cdn.example/mug.jpg";
  private static final String MUG_IMAGE_NAME = "syncfleet-348caa2f0e756e4f";

  @RegisterExtension
  final WooCommerceMockShop shop = new WooCommerceMockShop();

  @Test
  void aNewSkuBecomesASimpleProductWithItsPriceStockImagesAndCategory() {
    shop.found();
    shop.reply(200, "{\"create\":[{\"id\":101,\"sku\":\"SKU-1\",\"type\":\"simple\"}],\"update\":[],\"delete\":[]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    RecordedRequest lookup = shop.take("GET", "products");
    assertEquals("SKU-1", lookup.getRequestUrl().queryParameter("sku"));
    assertEquals("100", lookup.getRequestUrl().queryParameter("per_page"));
    assertEquals("1", lookup.getRequestUrl().queryParameter("page"));
    assertEquals("id,sku,type,parent_id,attributes,images", lookup.getRequestUrl().queryParameter("_fields"));
    RecordedRequest save = shop.take("POST", "products/batch");
    assertEquals(json("""
        {"create":[{"type":"simple","sku":"SKU-1","name":"Red mug","description":"A mug","regular_price":"19.99",
          "sale_price":"","manage_stock":true,"stock_quantity":5,"categories":[{"id":15}],
          "attributes":[{"name":"Brand","visible":true,"variation":false,"options":["Acme"]}],
          "images":[{"src":"https://cdn.example/mug.jpg","name":"syncfleet-348caa2f0e756e4f"}]}]}
        """), body(save));
  }

  @Test
  void anExistingSkuIsUpdatedByIdAndItsImagesAreNotUploadedAgain() {
    shop.found("{\"id\":101,\"sku\":\"SKU-1\",\"type\":\"simple\",\"parent_id\":0,\"attributes\":[],"
        + "\"images\":[{\"id\":9,\"name\":\"" + MUG_IMAGE_NAME + "\",\"src\":\"https://shop.example/up/mug.jpg\"}]}");
    shop.reply(200, "{\"update\":[{\"id\":101,\"sku\":\"SKU-1\"}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    shop.take();
    assertEquals(json("""
        {"update":[{"id":101,"name":"Red mug","description":"A mug","regular_price":"19.99","sale_price":"",
          "manage_stock":true,"stock_quantity":5,"categories":[{"id":15}],
          "attributes":[{"name":"Brand","visible":true,"variation":false,"options":["Acme"]}]}]}
        """), body(shop.take("POST", "products/batch")));
  }

  @Test
  void changedImagesAreSentAgain() {
    shop.found("{\"id\":101,\"sku\":\"SKU-1\",\"type\":\"simple\",\"parent_id\":0,\"attributes\":[],"
        + "\"images\":[{\"id\":9,\"name\":\"old-photo\"}]}");
    shop.reply(200, "{\"update\":[{\"id\":101}]}");

    shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    shop.take();
    assertEquals(json("[{\"src\":\"" + MUG_IMAGE + "\",\"name\":\"" + MUG_IMAGE_NAME + "\"}]"),
        body(shop.take()).path("update").get(0).path("images"));
  }

  @Test
  void aListingWithoutAttributesLeavesTheProductsOwn() {
    shop.found(WooCommerceMockShop.simple(101, "SKU-2"));
    shop.reply(200, "{\"update\":[{\"id\":101}]}");

    shop.adapter.upsertListings(shop.connection(), List.of(Listing.of("SKU-2", "Plain", new BigDecimal("3"), "EUR", 1)));

    shop.take();
    assertFalse(body(shop.take()).path("update").get(0).has("attributes"));
  }

  @Test
  void aNewVariantGroupBecomesAVariableProductAndItsVariations() {
    shop.found();
    shop.reply(200, """
        {"create":[{"id":200,"sku":"TEE","type":"variable",
          "attributes":[{"id":0,"name":"Size","variation":true,"options":["S","M"]}]}]}""");
    shop.reply(200, "{\"create\":[{\"id\":201,\"sku\":\"TEE-S\"},{\"id\":202,\"sku\":\"TEE-M\"}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S", "10"), tee("TEE-M", "M", "12")));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    assertEquals("TEE-S,TEE,TEE-M", shop.take("GET", "products").getRequestUrl().queryParameter("sku"));
    assertEquals(json("""
        {"create":[{"type":"variable","sku":"TEE","name":"Tee",
          "attributes":[{"name":"Size","visible":true,"variation":true,"options":["S","M"]}],
          "images":[{"src":"https://cdn.example/tee.png","name":"syncfleet-9de3d2186e2b98a3"}]}]}
        """), body(shop.take("POST", "products/batch")));
    assertEquals(json("""
        {"create":[
          {"sku":"TEE-S","regular_price":"10","sale_price":"","manage_stock":true,"stock_quantity":3,
           "attributes":[{"name":"Size","option":"S"}]},
          {"sku":"TEE-M","regular_price":"12","sale_price":"","manage_stock":true,"stock_quantity":3,
           "attributes":[{"name":"Size","option":"M"}]}]}
        """), body(shop.take("POST", "products/200/variations/batch")));
  }

  @Test
  void anExistingGroupKeepsItsOtherOptionsAndItsGlobalAttribute() {
    shop.found("""
        {"id":300,"sku":"TEE","type":"variable","parent_id":0,"images":[],
         "attributes":[{"id":4,"name":"Size","variation":true,"options":["L"]}]}""",
        WooCommerceMockShop.variation(301, "TEE-S", 300));
    shop.reply(200, """
        {"update":[{"id":300,"sku":"TEE","type":"variable",
          "attributes":[{"id":4,"name":"Size","variation":true,"options":["L","S","M"]}]}]}""");
    shop.reply(200, "{\"create\":[{\"id\":302}],\"update\":[{\"id\":301}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(tee("TEE-S", "S", "10").withImages(List.of()), tee("TEE-M", "M", "12").withImages(List.of())));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    shop.take();
    assertEquals(json("""
        {"update":[{"id":300,"name":"Tee",
          "attributes":[{"id":4,"visible":true,"variation":true,"options":["L","S","M"]}]}]}
        """), body(shop.take("POST", "products/batch")));
    assertEquals(json("""
        {"update":[{"id":301,"regular_price":"10","sale_price":"","manage_stock":true,"stock_quantity":3,
                    "attributes":[{"id":4,"option":"S"}]}],
         "create":[{"sku":"TEE-M","regular_price":"12","sale_price":"","manage_stock":true,"stock_quantity":3,
                    "attributes":[{"id":4,"option":"M"}]}]}
        """), body(shop.take("POST", "products/300/variations/batch")));
  }

  @Test
  void aGroupWhoseProductHasAnotherSkuIsFoundThroughItsVariation() {
    shop.found(WooCommerceMockShop.variation(301, "TEE-S", 300));
    shop.reply(200, "{\"id\":300,\"sku\":\"\",\"type\":\"variable\",\"attributes\":[]}");
    shop.reply(200, "{\"update\":[{\"id\":300,\"type\":\"variable\",\"attributes\":[]}]}");
    shop.reply(200, "{\"update\":[{\"id\":301}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S", "10")));

    assertEquals(List.of(ItemOutcome.done("TEE-S")), result.outcomes());
    shop.take();
    assertEquals("/wp-json/wc/v3/products/300", shop.take("GET", "products/300").getRequestUrl().encodedPath());
    assertEquals("TEE", body(shop.take("POST", "products/batch")).path("update").get(0).path("sku").asText(),
        "a product without a SKU gets the group id");
    shop.take("POST", "products/300/variations/batch");
  }

  @Test
  void refusedEntriesFailWithWooCommercesCodeAndALostSkuRaceIsRetried() {
    shop.found();
    shop.reply(200, """
        {"create":[
          {"id":0,"error":{"code":"woocommerce_product_image_upload_error",
           "message":"Error getting remote image https://cdn.example/mug.jpg. Error: Not Found","data":{"status":400}}},
          {"id":0,"error":{"code":"product_invalid_sku","message":"Invalid or duplicated SKU.","data":{"status":400}}}]}""");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug(), mug("SKU-2")));

    ItemOutcome image = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.FAILED, image.status());
    assertEquals("woocommerce_product_image_upload_error", image.code());
    assertEquals("Error getting remote image https://cdn.example/mug.jpg. Error: Not Found", image.message());
    ItemOutcome race = result.outcomes().get(1);
    assertEquals(ItemOutcome.Status.RETRY, race.status());
    assertEquals("product_invalid_sku", race.code());
  }

  @Test
  void aSkuOfTheOtherKindAndABrokenListingFailWithoutAWrite() {
    shop.found(WooCommerceMockShop.variation(301, "SKU-1", 300));

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(mug(), Listing.of("SKU-2", " ", new BigDecimal("1"), "EUR", 1)));

    assertEquals("SKU_CONFLICT", result.outcomes().get(0).code());
    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals("INVALID_LISTING", result.outcomes().get(1).code());
    assertEquals(1, shop.server.getRequestCount(), "only the lookup");
  }

  @Test
  void aVariantWhoseSkuIsASimpleProductIsRefused() {
    shop.found(WooCommerceMockShop.simple(5, "TEE-S"));
    shop.reply(200, "{\"create\":[{\"id\":200,\"type\":\"variable\",\"attributes\":[]}]}");
    shop.reply(200, "{\"create\":[{\"id\":202}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S", "10"), tee("TEE-M", "M", "12")));

    assertEquals("SKU_CONFLICT", result.outcomes().get(0).code());
    assertEquals(ItemOutcome.done("TEE-M"), result.outcomes().get(1));
    shop.take();
    shop.take("POST", "products/batch");
    assertEquals(1, body(shop.take("POST", "products/200/variations/batch")).path("create").size());
  }

  @Test
  void whenTheVariableProductIsRefusedItsVariantsFailWithTheReason() {
    shop.found();
    shop.reply(200, "{\"create\":[{\"id\":0,\"error\":{\"code\":\"woocommerce_rest_invalid_product_category\","
        + "\"message\":\"Invalid product category.\",\"data\":{\"status\":400}}}]}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S", "10")));

    ItemOutcome o = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.FAILED, o.status());
    assertEquals("woocommerce_rest_invalid_product_category", o.code());
    assertEquals("variable product 'TEE' not saved: Invalid product category.", o.message());
    assertEquals(2, shop.server.getRequestCount(), "no variations call");
  }

  @Test
  void aThrottleAfterTheProductsBatchKeepsWhatIsDoneAndDefersTheVariations() {
    shop.found();
    shop.reply(200, "{\"create\":[{\"id\":101},{\"id\":200,\"type\":\"variable\",\"attributes\":[]}]}");
    shop.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "5"));

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug(), tee("TEE-S", "S", "10")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    ItemOutcome deferred = result.outcomes().get(1);
    assertEquals(ItemOutcome.Status.THROTTLED, deferred.status());
    assertEquals(Duration.ofSeconds(5), deferred.retryAfter());
  }

  @Test
  void aThrottledLookupFailsTheWholeJob() {
    shop.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> shop.adapter.upsertListings(shop.connection(), List.of(mug())));

    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
  }

  @Test
  void aBatchOverTheShopsLimitFailsItsItemsWithTheReason() {
    shop.found();
    shop.reply(413, "{\"code\":\"woocommerce_rest_request_entity_too_large\",\"message\":\"Unable to accept more "
        + "than 1 items for this request.\",\"data\":{\"status\":413}}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug(), mug("SKU-2")));

    for (ItemOutcome o : result.outcomes()) {
      assertEquals(ItemOutcome.Status.FAILED, o.status());
      assertEquals("woocommerce_rest_request_entity_too_large", o.code());
      assertTrue(o.message().contains("woocommerce_rest_batch_items_limit"), o.message());
    }
  }

  @Test
  void aJobOverTheChannelsBatchLimitIsRefusedBeforeAnyCall() {
    List<Listing> many = java.util.stream.IntStream.range(0, 26).mapToObj(i -> mug("SKU-" + i)).toList();

    assertThrows(io.syncfleet.adapters.failure.PermanentFailure.class,
        () -> shop.adapter.upsertListings(shop.connection(), many));
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void aSkuWithACommaIsLookedUpAlone() {
    shop.found();
    shop.found();
    shop.reply(200, "{\"create\":[{\"id\":1},{\"id\":2}]}");

    shop.adapter.upsertListings(shop.connection(), List.of(mug("A,1"), mug("B")));

    assertEquals("A,1", shop.take().getRequestUrl().queryParameter("sku"));
    assertEquals("B", shop.take().getRequestUrl().queryParameter("sku"));
    assertFalse(body(shop.take()).path("create").isEmpty());
  }

  private static Listing mug() {
    return mug("SKU-1");
  }

  private static Listing mug(String sku) {
    return Listing.of(sku, "Red mug", new BigDecimal("19.99"), "EUR", 5)
        .withImages(List.of(MUG_IMAGE))
        .withDetails("A mug", "Acme", "15");
  }

  private static Listing tee(String sku, String size, String price) {
    return Listing.of(sku, "Tee", new BigDecimal(price), "EUR", 3)
        .withImages(List.of("https://cdn.example/tee.png"))
        .asVariant("TEE", Map.of("Size", size));
  }
}
