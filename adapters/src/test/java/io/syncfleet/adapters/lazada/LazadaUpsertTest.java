package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Products created whole or updated, images migrated to Lazada, refusals read per SKU. */
class LazadaUpsertTest {
  private static final String OWN_IMAGE = "https://cdn.example.com/mug.jpg?size=large&v=2";
  private static final String LAZADA_IMAGE = "https://sg-live-01.slatic.net/p/a.jpg";
  private static final String MIGRATED = "https://sg-live-01.slatic.net/p/migrated.jpg";

  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();
  private final Connection connection = lazada.connection();

  @Test
  void aNewProductIsCreatedWithMigratedImagesAndItsIdsAreRemembered() {
    lazada.ok("{\"total_products\":0,\"products\":[]}");
    lazada.ok("{\"image\":{\"url\":\"" + MIGRATED + "\",\"hash_code\":\"h\"}}");
    lazada.ok("{\"item_id\":2374791958,\"sku_list\":[{\"seller_sku\":\"MUG-1\",\"shop_sku\":\"x\","
        + "\"sku_id\":13896560193}],\"item_status\":\"Active\"}");
    lazada.ok("{}");

    BatchResult result = lazada.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())));
    lazada.adapter.updateStock(connection, List.of(StockLevel.of("MUG-1", 4)));

    assertEquals(List.of(ItemOutcome.done("MUG-1")), result.outcomes());
    assertEquals("[\"MUG-1\"]", lazada.takeCall("GET", "/products/get").get("sku_seller_list"));
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Request><Image><Url>"
        + "https://cdn.example.com/mug.jpg?size=large&amp;v=2</Url></Image></Request>",
        lazada.takeCall("POST", "/image/migrate").get("payload"));
    assertEquals(json("""
        {"Request":{"Product":{"PrimaryCategory":"10002019",
          "Images":{"Image":["https://sg-live-01.slatic.net/p/migrated.jpg","https://sg-live-01.slatic.net/p/a.jpg"]},
          "Attributes":{"name":"Red mug","description":"<p>A red mug</p>","brand":"No Brand",
                        "warranty_type":"No Warranty"},
          "Skus":{"Sku":[{"SellerSku":"MUG-1","quantity":"5","price":"12.50","package_weight":"0.4",
                          "package_length":"10","package_width":"8","package_height":"12"}]}}}}"""),
        json(lazada.takeCall("POST", "/product/create").get("payload")));
    assertEquals(json("""
        {"Request":{"Product":{"Skus":{"Sku":[
          {"ItemId":"2374791958","SkuId":"13896560193","SellerSku":"MUG-1","Quantity":"4"}]}}}}"""),
        json(lazada.takeCall("POST", "/product/price_quantity/update").get("payload")), "no lookup after create");
  }

  @Test
  void anExistingProductIsUpdatedAndANewVariantAttachedToIt() {
    lazada.products("77:701:MUG-RED");
    lazada.ok("{\"image\":{\"url\":\"" + MIGRATED + "\"}}");
    lazada.ok("{\"item_status\":\"Active\"}");

    BatchResult result = lazada.adapter.upsertListings(connection, List.of(
        mug("MUG-RED", "MUG", Map.of("color_family", "Red")), mug("MUG-GREEN", "MUG", Map.of("color_family", "Green"))));

    assertEquals(List.of(ItemOutcome.done("MUG-RED"), ItemOutcome.done("MUG-GREEN")), result.outcomes());
    assertEquals("[\"MUG-RED\",\"MUG-GREEN\"]", lazada.takeCall("GET", "/products/get").get("sku_seller_list"));
    lazada.takeCall("POST", "/image/migrate");
    assertEquals(json("""
        {"Request":{"Product":{"PrimaryCategory":"10002019","ItemId":"77","AssociatedSku":"701",
          "Images":{"Image":["https://sg-live-01.slatic.net/p/migrated.jpg","https://sg-live-01.slatic.net/p/a.jpg"]},
          "Attributes":{"name":"Red mug","description":"<p>A red mug</p>","brand":"No Brand",
                        "warranty_type":"No Warranty"},
          "Skus":{"Sku":[
            {"SkuId":"701","SellerSku":"MUG-RED","quantity":"5","price":"12.50","package_weight":"0.4",
             "package_length":"10","package_width":"8","package_height":"12","saleProp":{"color_family":"Red"}},
            {"SellerSku":"MUG-GREEN","quantity":"5","price":"12.50","package_weight":"0.4",
             "package_length":"10","package_width":"8","package_height":"12","saleProp":{"color_family":"Green"}}]}}}}"""),
        json(lazada.takeCall("POST", "/product/update").get("payload")));
  }

  @Test
  void aRefusedProductFailsEachSkuWithItsOwnDetailOrTheWholeMessage() {
    lazada.ok("{\"total_products\":0,\"products\":[]}");
    lazada.ok("{\"image\":{\"url\":\"" + MIGRATED + "\"}}");
    lazada.reply(200, """
        {"type":"ISP","code":"500","message":"Create product failed","request_id":"r",
         "detail":[{"field":"saleProp","message":"This variation attribute is not found","seller_sku":"MUG-BLUE"}]}""");

    BatchResult result = lazada.adapter.upsertListings(connection, List.of(
        mug("MUG-RED", "MUG", Map.of("colour", "Red")), mug("MUG-BLUE", "MUG", Map.of("colour", "Blue"))));

    assertEquals(ItemOutcome.failed("MUG-RED", "500",
        "Create product failed (saleProp: This variation attribute is not found)"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("MUG-BLUE", "500", "saleProp: This variation attribute is not found"),
        result.outcomes().get(1));
  }

  @Test
  void anImageLazadaCannotFetchFailsTheProduct() {
    lazada.ok("{\"total_products\":0,\"products\":[]}");
    lazada.error(200, "ISV", "302", "E302: Not supported URL");

    ItemOutcome outcome = lazada.adapter.upsertListings(connection, List.of(mug("MUG-1", null, Map.of())))
        .outcomes().get(0);

    assertEquals(ItemOutcome.failed("MUG-1", "302", "E302: Not supported URL"), outcome);
    assertEquals(2, lazada.server.getRequestCount(), "no create without its images");
  }

  @Test
  void skusOnSeveralProductsAreNotMerged() {
    lazada.products("77:701:MUG-RED", "78:801:MUG-GREEN");

    BatchResult result = lazada.adapter.upsertListings(connection, List.of(
        mug("MUG-RED", "MUG", Map.of("color_family", "Red")), mug("MUG-GREEN", "MUG", Map.of("color_family", "Green"))));

    assertEquals("sku_conflict", result.outcomes().get(0).code());
    assertEquals(1, lazada.server.getRequestCount());
  }

  @Test
  void listingsBreakingLazadasRulesOrSellingInAnotherCurrencyAreNotSent() {
    Listing noPackage = new Listing("MUG-2", "Mug", null, null, null, null, Listing.Condition.NEW,
        new BigDecimal("5"), "SGD", 1, List.of(LAZADA_IMAGE), "10002019", Map.of(), null, Map.of());
    Listing ringgit = new Listing("MUG-3", "Mug", null, null, null, null, Listing.Condition.NEW,
        new BigDecimal("5"), "MYR", 1, List.of(LAZADA_IMAGE), "10002019", mug("x", null, Map.of()).attributes(), null,
        Map.of());

    BatchResult result = lazada.adapter.upsertListings(connection, List.of(noPackage, ringgit));

    assertEquals("required", result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("package_weight"), result.outcomes().get(0).message());
    assertEquals(LazadaAdapter.INVALID_PRICE, result.outcomes().get(1).code());
    assertEquals(0, lazada.server.getRequestCount());
  }

  private static Listing mug(String sku, String group, Map<String, String> options) {
    return new Listing(sku, "Red mug", "<p>A red mug</p>", null, null, null, Listing.Condition.NEW,
        new BigDecimal("12.50"), "SGD", 5, List.of(OWN_IMAGE, LAZADA_IMAGE), "10002019",
        Map.of("package_weight", List.of("0.4"), "package_length", List.of("10"), "package_width", List.of("8"),
            "package_height", List.of("12"), "warranty_type", List.of("No Warranty")), group, options);
  }
}
