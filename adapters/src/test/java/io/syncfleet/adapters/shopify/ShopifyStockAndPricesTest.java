package io.syncfleet.adapters.shopify;

import static io.syncfleet.adapters.shopify.ShopifyMockShop.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.shopify.ShopifyMockShop.Call;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind testConnection, updateStock and updatePrices, and their per-item outcomes. */
class ShopifyStockAndPricesTest {
  @RegisterExtension
  final ShopifyMockShop shop = new ShopifyMockShop();

  @Test
  void testConnectionAsksForTheShop() throws Exception {
    shop.data("{\"shop\":{\"name\":\"Acme Outfitters\",\"myshopifyDomain\":\"acme.myshopify.com\"}}");
    Health health = shop.adapter.testConnection(shop.connection());
    assertTrue(health.ok());
    assertEquals("Acme Outfitters", health.account());
    Call call = shop.take();
    assertEquals("ShopInfo", call.operation());
    assertTrue(call.query().contains("shop { name myshopifyDomain }"));
  }

  @Test
  void stockLooksSkusUpInOneSearchThenSetsAllInOneMutation() throws Exception {
    shop.found(variant("11", "SKU-1", "1", 1) + "," + variant("12", "SKU-2", "2", 1)
        + "," + variant("13", "SKU-10", "3", 1));
    shop.data("{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"id\":\"g1\"},\"userErrors\":[]}}");

    BatchResult result = shop.adapter.updateStock(shop.connection(), List.of(
        StockLevel.of("SKU-1", 5), new StockLevel("SKU-2", 0, "gid://shopify/Location/9"),
        StockLevel.of("SKU-9", 1)));

    Call lookup = shop.take();
    assertEquals("VariantsBySku", lookup.operation());
    assertEquals("sku:\"SKU-1\" OR sku:\"SKU-2\" OR sku:\"SKU-9\"", lookup.variables().path("query").asText());
    assertEquals(3, lookup.variables().path("first").asInt());

    Call set = shop.take();
    assertEquals("InventorySet", set.operation());
    assertTrue(set.query().contains("@idempotent(key: $idempotencyKey)"));
    UUID.fromString(set.variables().path("idempotencyKey").asText());
    JsonNode input = set.variables().path("input");
    assertEquals("available", input.path("name").asText());
    assertEquals("correction", input.path("reason").asText());
    JsonNode quantities = input.path("quantities");
    assertEquals(2, quantities.size(), "SKU-10 is a loose search match, SKU-9 is unknown: " + quantities);
    assertEquals("gid://shopify/InventoryItem/11", quantities.get(0).path("inventoryItemId").asText());
    assertEquals("gid://shopify/Location/777", quantities.get(0).path("locationId").asText());
    assertEquals(5, quantities.get(0).path("quantity").asInt());
    assertTrue(quantities.get(0).has("changeFromQuantity") && quantities.get(0).path("changeFromQuantity").isNull());
    assertEquals("gid://shopify/Location/9", quantities.get(1).path("locationId").asText());
    assertEquals(0, quantities.get(1).path("quantity").asInt());

    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(1).status());
    ItemOutcome missing = result.outcomes().get(2);
    assertEquals(ItemOutcome.Status.FAILED, missing.status());
    assertEquals("SKU-9", missing.sku());
    assertEquals("SKU_NOT_FOUND", missing.code());
    assertEquals(2, shop.server.getRequestCount());
  }

  @Test
  void withoutLocationSettingTheFirstLocationIsLookedUpOncePerConnection() throws Exception {
    shop.found(variant("11", "SKU-1", "1", 1));
    shop.data("{\"locations\":{\"nodes\":[{\"id\":\"gid://shopify/Location/55\",\"name\":\"Shop\"}]}}");
    shop.data("{\"inventorySetQuantities\":{\"userErrors\":[]}}");
    shop.found(variant("11", "SKU-1", "1", 1));
    shop.data("{\"inventorySetQuantities\":{\"userErrors\":[]}}");

    var connection = shop.connection(Map.of());
    shop.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1)));
    shop.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 2)));

    assertEquals("VariantsBySku", shop.take().operation());
    assertEquals("DefaultLocation", shop.take().operation());
    assertEquals("gid://shopify/Location/55",
        shop.take().variables().path("input").path("quantities").get(0).path("locationId").asText());
    assertEquals("VariantsBySku", shop.take().operation());
    Call second = shop.take();
    assertEquals("InventorySet", second.operation(), "the location is not looked up again");
    assertEquals("gid://shopify/Location/55", second.variables().path("input").path("quantities").get(0)
        .path("locationId").asText());
  }

  @Test
  void refusedQuantityFailsItsItemWithShopifysErrorAndTheRestIsSentAgain() throws Exception {
    shop.found(variant("11", "SKU-1", "1", 1) + "," + variant("12", "SKU-2", "2", 1));
    shop.data("""
        {"inventorySetQuantities":{"inventoryAdjustmentGroup":null,"userErrors":[
          {"field":["input","quantities","1","locationId"],"message":"The specified location could not be found.",
           "code":"INVALID_LOCATION"}]}}""");
    shop.data("{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"id\":\"g\"},\"userErrors\":[]}}");

    BatchResult result = shop.adapter.updateStock(shop.connection(),
        List.of(StockLevel.of("SKU-1", 4), new StockLevel("SKU-2", 4, "404")));

    shop.take();
    assertEquals(2, shop.take().variables().path("input").path("quantities").size());
    JsonNode resent = shop.take().variables().path("input").path("quantities");
    assertEquals(1, resent.size());
    assertEquals("gid://shopify/InventoryItem/11", resent.get(0).path("inventoryItemId").asText());
    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
    ItemOutcome refused = result.outcomes().get(1);
    assertEquals(ItemOutcome.Status.FAILED, refused.status());
    assertEquals("INVALID_LOCATION", refused.code());
    assertEquals("input.quantities.1.locationId: The specified location could not be found.", refused.message());
  }

  @Test
  void pricesGoOneCallPerProductAsDecimalStrings() throws Exception {
    shop.found(variant("11", "TEE-S", "1", 2) + "," + variant("12", "TEE-M", "1", 2)
        + "," + variant("21", "MUG", "2", 1));
    shop.data("{\"productVariantsBulkUpdate\":{\"productVariants\":[],\"userErrors\":[]}}");
    shop.data("{\"productVariantsBulkUpdate\":{\"productVariants\":[],\"userErrors\":[]}}");

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        new PriceChange("TEE-S", new BigDecimal("19.90"), "EUR", new BigDecimal("24.90")),
        PriceChange.of("MUG", new BigDecimal("7"), "EUR"),
        PriceChange.of("TEE-M", new BigDecimal("21.00"), "EUR")));

    assertEquals("VariantsBySku", shop.take().operation());
    Call tees = shop.take();
    assertEquals("VariantPrices", tees.operation());
    assertEquals("gid://shopify/Product/1", tees.variables().path("productId").asText());
    JsonNode teeVariants = tees.variables().path("variants");
    assertEquals(2, teeVariants.size());
    assertEquals("gid://shopify/ProductVariant/11", teeVariants.get(0).path("id").asText());
    assertEquals("19.90", teeVariants.get(0).path("price").asText());
    assertTrue(teeVariants.get(0).path("price").isTextual());
    assertEquals("24.90", teeVariants.get(0).path("compareAtPrice").asText());
    assertEquals("21.00", teeVariants.get(1).path("price").asText());
    assertTrue(teeVariants.get(1).path("compareAtPrice").isNull(), "no compare-at price clears Shopify's");
    Call mug = shop.take();
    assertEquals("gid://shopify/Product/2", mug.variables().path("productId").asText());
    assertEquals("7", mug.variables().path("variants").get(0).path("price").asText());
    assertTrue(result.outcomes().stream().allMatch(o -> o.status() == ItemOutcome.Status.DONE));
  }

  @Test
  void throttlingAfterOneProductIsDoneLeavesOnlyTheRestThrottled() throws Exception {
    shop.found(variant("11", "A", "1", 1) + "," + variant("21", "B", "2", 1));
    shop.data("{\"productVariantsBulkUpdate\":{\"userErrors\":[]}}");
    shop.server.enqueue(ShopifyMockShop.json(429, "{\"errors\":\"Throttled\"}").setHeader("Retry-After", "1.5"));

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        PriceChange.of("A", BigDecimal.TEN, "EUR"), PriceChange.of("B", BigDecimal.ONE, "EUR")));

    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
    ItemOutcome later = result.outcomes().get(1);
    assertEquals(ItemOutcome.Status.THROTTLED, later.status());
    assertEquals(Duration.ofMillis(1500), later.retryAfter());
  }

  @Test
  void aServerErrorAfterOneProductIsDoneLeavesTheRestToRetry() throws Exception {
    shop.found(variant("11", "A", "1", 1) + "," + variant("21", "B", "2", 1));
    shop.data("{\"productVariantsBulkUpdate\":{\"userErrors\":[]}}");
    shop.server.enqueue(ShopifyMockShop.json(502, "<html>Bad gateway</html>"));

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        PriceChange.of("A", BigDecimal.TEN, "EUR"), PriceChange.of("B", BigDecimal.ONE, "EUR")));

    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(1).status());
  }
}
