package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeFixture.body;
import static io.syncfleet.adapters.shopee.ShopeeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Items and variants created and updated idempotently, images uploaded once, listing rules applied first. */
class ShopeeUpsertTest {
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'};

  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();
  private final Connection connection = shopee.connection();

  @Test
  void aNewListingUploadsItsImageAndAddsTheItem() {
    shopee.search();
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\",\"image_url_list\":[]}}");
    shopee.ok("{\"item_id\":3001,\"item_status\":\"NORMAL\"}");

    BatchResult result = shopee.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())));

    assertEquals(List.of(ItemOutcome.done("MUG-1")), result.outcomes());
    assertEquals("MUG-1", shopee.takeShopCall("GET", "/api/v2/product/search_item").getRequestUrl()
        .queryParameter("item_sku"));
    assertEquals("/img/mug.jpg", shopee.take().getPath());
    RecordedRequest upload = shopee.takeShopCall("POST", "/api/v2/media_space/upload_image");
    assertTrue(upload.getHeader("Content-Type").startsWith("multipart/form-data"), upload.getHeader("Content-Type"));
    String parts = upload.getBody().readString(StandardCharsets.ISO_8859_1);
    assertTrue(parts.contains("name=\"image\"; filename=\"image.jpg\""), parts);
    assertTrue(parts.contains("name=\"scene\"") && parts.contains("normal"), parts);
    assertEquals(json("""
        {"item_name":"Red mug","description":"A red mug that holds 300 ml of coffee","item_sku":"MUG-1",
         "category_id":100636,"condition":"NEW","item_status":"NORMAL","weight":0.4,
         "image":{"image_id_list":["img-1"]},"brand":{"brand_id":0,"original_brand_name":"NoBrand"},
         "attribute_list":[{"attribute_id":100010,"attribute_value_list":[{"value_id":0,"original_value_name":"Ceramic"}]}],
         "logistic_info":[{"logistic_id":10001,"enabled":true}],
         "gtin_code":"4006381333931","original_price":12.50,"seller_stock":[{"stock":5}]}"""),
        body(shopee.takeShopCall("POST", "/api/v2/product/add_item")));
  }

  @Test
  void upsertingAgainUpdatesTheSameItemWithoutUploadingAgain() {
    shopee.search();
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\"}}");
    shopee.ok("{\"item_id\":3001}");
    shopee.baseInfo(3001, "MUG-1", false, "UNLIST");
    shopee.ok("{\"item_id\":3001}");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");
    Listing mug = mug("MUG-1", null, Map.of());

    shopee.adapter.upsertListings(connection, List.of(mug));
    BatchResult again = shopee.adapter.upsertListings(connection, List.of(mug));

    assertEquals(List.of(ItemOutcome.done("MUG-1")), again.outcomes());
    for (int i = 0; i < 4; i++) {
      shopee.take();
    }
    assertEquals("3001", shopee.takeShopCall("GET", "/api/v2/product/get_item_base_info").getRequestUrl()
        .queryParameter("item_id_list"), "the item this process created, without a search");
    JsonNode update = body(shopee.takeShopCall("POST", "/api/v2/product/update_item"));
    assertEquals(3001, update.path("item_id").asLong());
    assertEquals("NORMAL", update.path("item_status").asText(), "an unlisted item is listed again");
    assertEquals(json("{\"item_id\":3001,\"price_list\":[{\"model_id\":0,\"original_price\":12.50}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_price")));
    assertEquals(json("{\"item_id\":3001,\"stock_list\":[{\"model_id\":0,\"seller_stock\":[{\"stock\":5}]}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_stock")));
    assertEquals(8, shopee.server.getRequestCount());
  }

  @Test
  void newVariantsAreAddedOneAttemptAfterTheirItemAndThenFoundWithoutLookups() {
    shopee.search();
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\"}}");
    shopee.ok("{\"item_id\":3002}");
    List<Listing> variants = List.of(mug("MUG-RED", "MUG", Map.of("Color", "Red")),
        mug("MUG-BLUE", "MUG", Map.of("Color", "Blue")));

    BatchResult first = shopee.adapter.upsertListings(connection, variants);

    for (ItemOutcome o : first.outcomes()) {
      assertEquals(ItemOutcome.Status.RETRY, o.status(), o.sku());
      assertEquals("variants_pending", o.code());
      assertEquals(Duration.ofSeconds(5), o.retryAfter());
    }
    shopee.take();
    shopee.take();
    shopee.take();
    JsonNode added = body(shopee.takeShopCall("POST", "/api/v2/product/add_item"));
    assertEquals("MUG", added.path("item_sku").asText());
    assertTrue(added.path("seller_stock").isMissingNode(), "a variant item's stock is its models'");

    shopee.clock.advance(Duration.ofSeconds(5));
    shopee.baseInfo(3002, "MUG", false, "NORMAL");
    shopee.ok("{\"item_id\":3002}");
    shopee.ok("""
        {"model":[{"tier_index":[0],"model_id":51,"model_sku":"MUG-RED"},
                  {"tier_index":[1],"model_id":52,"model_sku":"MUG-BLUE"}]}""");
    shopee.ok("{\"success_list\":[{\"model_id\":52}],\"failure_list\":[]}");

    BatchResult second = shopee.adapter.upsertListings(connection, variants);
    BatchResult stock = shopee.adapter.updateStock(connection, List.of(StockLevel.of("MUG-BLUE", 9)));

    assertEquals(List.of(ItemOutcome.done("MUG-RED"), ItemOutcome.done("MUG-BLUE")), second.outcomes());
    assertEquals(List.of(ItemOutcome.done("MUG-BLUE")), stock.outcomes());
    shopee.takeShopCall("GET", "/api/v2/product/get_item_base_info");
    shopee.takeShopCall("POST", "/api/v2/product/update_item");
    assertEquals(json("""
        {"item_id":3002,
         "standardise_tier_variation":[{"variation_id":0,"variation_name":"Color","variation_option_list":[
           {"variation_option_id":0,"variation_option_name":"Red"},
           {"variation_option_id":0,"variation_option_name":"Blue"}]}],
         "model":[
           {"tier_index":[0],"model_sku":"MUG-RED","original_price":12.50,"seller_stock":[{"stock":5}],
            "gtin_code":"4006381333931"},
           {"tier_index":[1],"model_sku":"MUG-BLUE","original_price":12.50,"seller_stock":[{"stock":5}],
            "gtin_code":"4006381333931"}]}"""),
        body(shopee.takeShopCall("POST", "/api/v2/product/init_tier_variation")));
    assertEquals(json("{\"item_id\":3002,\"stock_list\":[{\"model_id\":52,\"seller_stock\":[{\"stock\":9}]}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_stock")), "no lookup for a model just created");
  }

  @Test
  void aVariantWithANewOptionExtendsTheTiersAndExistingModelsAreUpdated() {
    shopee.search(3003);
    shopee.baseInfo(3003, "MUG", true, "NORMAL");
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\"}}");
    shopee.ok("{\"item_id\":3003}");
    shopee.ok("""
        {"tier_variation":[{"name":"Color","option_list":[{"option":"Red"}]}],
         "model":[{"model_id":41,"model_sku":"MUG-RED","tier_index":[0]}]}""");
    shopee.ok("{\"success_list\":[{\"model_id\":41}],\"failure_list\":[]}");
    shopee.ok("{\"success_list\":[{\"model_id\":41}],\"failure_list\":[]}");
    shopee.ok("{}");
    shopee.ok("{\"model\":[{\"model_sku\":\"MUG-GREEN\"}]}");
    shopee.ok("""
        {"tier_variation":[{"name":"Color","option_list":[{"option":"Red"},{"option":"Green"}]}],
         "model":[{"model_id":41,"model_sku":"MUG-RED","tier_index":[0]},
                  {"model_id":42,"model_sku":"MUG-GREEN","tier_index":[1]}]}""");

    BatchResult result = shopee.adapter.upsertListings(connection, List.of(
        mug("MUG-RED", "MUG", Map.of("Color", "Red")), mug("MUG-GREEN", "MUG", Map.of("Color", "Green"))));

    assertEquals(List.of(ItemOutcome.done("MUG-RED"), ItemOutcome.done("MUG-GREEN")), result.outcomes());
    for (int i = 0; i < 5; i++) {
      shopee.take();
    }
    shopee.takeShopCall("GET", "/api/v2/product/get_model_list");
    assertEquals(json("{\"item_id\":3003,\"price_list\":[{\"model_id\":41,\"original_price\":12.50}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_price")));
    shopee.takeShopCall("POST", "/api/v2/product/update_stock");
    assertEquals(json("""
        {"item_id":3003,
         "standardise_tier_variation":[{"variation_id":0,"variation_name":"Color","variation_option_list":[
           {"variation_option_id":0,"variation_option_name":"Red"},
           {"variation_option_id":0,"variation_option_name":"Green"}]}],
         "model_list":[{"model_id":41,"tier_index":[0]}]}"""),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_tier_variation")));
    assertEquals(json("""
        {"item_id":3003,"model_list":[
          {"tier_index":[1],"model_sku":"MUG-GREEN","original_price":12.50,"seller_stock":[{"stock":5}],
           "gtin_code":"4006381333931"}]}"""),
        body(shopee.takeShopCall("POST", "/api/v2/product/add_model")));
    shopee.takeShopCall("GET", "/api/v2/product/get_model_list");
  }

  @Test
  void variantsWhoseOptionsDoNotMatchTheItemsTiersFailWithoutChangingIt() {
    shopee.search(3003);
    shopee.baseInfo(3003, "MUG", true, "NORMAL");
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\"}}");
    shopee.ok("{\"item_id\":3003}");
    shopee.ok("""
        {"tier_variation":[{"name":"Color","option_list":[{"option":"Red"}]}],
         "model":[{"model_id":41,"model_sku":"MUG-RED","tier_index":[0]}]}""");

    BatchResult result = shopee.adapter.upsertListings(connection,
        List.of(mug("MUG-L", "MUG", Map.of("Size", "L"))));

    assertEquals("variant_structure", result.outcomes().get(0).code());
    assertEquals(6, shopee.server.getRequestCount());
  }

  @Test
  void listingsBreakingShopeesRulesAreNotSent() {
    Listing noWeight = new Listing("MUG-2", "Mug", "A mug that holds 300 ml of coffee", null, null, null,
        Listing.Condition.NEW, new BigDecimal("5.00"), "SGD", 1, List.of(shopee.server.url("/img/mug.jpg").toString()),
        "100636", Map.of(), null, Map.of());

    BatchResult result = shopee.adapter.upsertListings(connection, List.of(noWeight,
        new Listing("MUG-4", "Mug", "A mug", null, null, null, Listing.Condition.NEW, new BigDecimal("5.001"), "SGD",
            1, List.of("https://x/a.jpg"), "1", Map.of("package_weight", List.of("0.4")), null, Map.of())));

    assertEquals("required", result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("package_weight"), result.outcomes().get(0).message());
    assertEquals(ShopeeAdapter.INVALID_PRICE, result.outcomes().get(1).code());
    assertEquals(0, shopee.server.getRequestCount());
  }

  @Test
  void aNewItemNeedsTheConnectionsLogisticsChannels() {
    shopee.search();

    BatchResult result = shopee.adapter.upsertListings(shopee.connection(Map.of("logistic_ids", "")),
        List.of(mug("MUG-1", null, Map.of())));

    assertEquals(ShopeeAdapter.MISSING_SETTING, result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("logistic_ids"));
    assertEquals(1, shopee.server.getRequestCount());
  }

  @Test
  void anImageThatCannotBeFetchedOrIsNoImageFailsTheListing() {
    shopee.search();
    shopee.enqueue(new MockResponse().setResponseCode(404));
    shopee.search();
    shopee.enqueue(new MockResponse().setResponseCode(200).setBody("<html>not an image</html>"));

    ItemOutcome missing = shopee.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())))
        .outcomes().get(0);
    ItemOutcome html = shopee.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())))
        .outcomes().get(0);

    assertEquals("image_unreachable", missing.code());
    assertEquals(ItemOutcome.Status.FAILED, missing.status());
    assertEquals("image_format", html.code());
  }

  @Test
  void shopeesRefusalOfTheItemFailsItWithShopeesCode() {
    shopee.search();
    image();
    shopee.ok("{\"image_info\":{\"image_id\":\"img-1\"}}");
    shopee.error(200, "product.error_param", "Wrong parameters, detail: the category is invalid.");

    ItemOutcome outcome = shopee.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())))
        .outcomes().get(0);

    assertEquals(ItemOutcome.failed("MUG-1", "error_param", "Wrong parameters, detail: the category is invalid."),
        outcome);
  }

  private void image() {
    shopee.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "image/jpeg")
        .setBody(new Buffer().write(JPEG)));
  }

  private Listing mug(String sku, String group, Map<String, String> options) {
    return new Listing(sku, "Red mug", "A red mug that holds 300 ml of coffee", "Acme", null, "4006381333931",
        Listing.Condition.NEW, new BigDecimal("12.50"), "SGD", 5, List.of(shopee.server.url("/img/mug.jpg").toString()),
        "100636", Map.of("package_weight", List.of("0.4"), "100010", List.of("Ceramic")), group, options);
  }
}
