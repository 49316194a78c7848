package io.syncfleet.adapters.shopify;

import static io.syncfleet.adapters.shopify.ShopifyMockShop.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.shopify.ShopifyMockShop.Call;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.SkuRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind upsertListings and deleteListings, and their per-item outcomes. */
class ShopifyListingsTest {
  private static final String SAVED =
      "{\"productSet\":{\"product\":{\"id\":\"gid://shopify/Product/1\"},\"userErrors\":[]}}";
  private static final String NO_PRODUCT = "{\"productByIdentifier\":null}";
  private static final String TEE_PRODUCT = """
      {"productByIdentifier":{"id":"gid://shopify/Product/5","variantsCount":{"count":2},"variants":{"nodes":[
        {"id":"gid://shopify/ProductVariant/11","sku":"TEE-S","selectedOptions":[{"name":"Size","value":"S"}],
         "inventoryItem":{"id":"gid://shopify/InventoryItem/11"}},
        {"id":"gid://shopify/ProductVariant/12","sku":"TEE-L","selectedOptions":[{"name":"Size","value":"L"}],
         "inventoryItem":{"id":"gid://shopify/InventoryItem/12"}}],
       "pageInfo":{"hasNextPage":false,"endCursor":null}}}}""";

  @RegisterExtension
  final ShopifyMockShop shop = new ShopifyMockShop();

  private static Listing mug() {
    return Listing.of("MUG-1", "Enamel mug", new BigDecimal("12.50"), "EUR", 8)
        .withDetails("<p>Holds 350 ml</p>", "Acme", null)
        .withImages(List.of("https://cdn.example.com/mug.jpg"));
  }

  private static Listing tee(String sku, String size) {
    return Listing.of(sku, "Logo tee", new BigDecimal("20.00"), "EUR", 3).asVariant("TEE", Map.of("Size", size));
  }

  @Test
  void newListingIsCreatedAsAProductWithOneDefaultVariant() throws Exception {
    shop.found("");
    shop.data(SAVED);

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    Call lookup = shop.take();
    assertEquals("VariantsBySku", lookup.operation());
    assertEquals("sku:\"MUG-1\"", lookup.variables().path("query").asText());
    Call set = shop.take();
    assertEquals("ProductSet", set.operation());
    assertTrue(set.variables().path("identifier").isNull(), "no product holds the SKU: create one");
    JsonNode input = set.variables().path("input");
    assertEquals("Enamel mug", input.path("title").asText());
    assertEquals("<p>Holds 350 ml</p>", input.path("descriptionHtml").asText());
    assertEquals("Acme", input.path("vendor").asText());
    assertEquals("Title", input.path("productOptions").get(0).path("name").asText());
    assertEquals("Default Title", input.path("productOptions").get(0).path("values").get(0).path("name").asText());
    JsonNode v = input.path("variants").get(0);
    assertFalse(v.has("id"));
    assertEquals("MUG-1", v.path("sku").asText());
    assertEquals("12.50", v.path("price").asText());
    assertEquals("Title", v.path("optionValues").get(0).path("optionName").asText());
    assertTrue(v.path("inventoryItem").path("tracked").asBoolean());
    JsonNode stock = v.path("inventoryQuantities").get(0);
    assertEquals("gid://shopify/Location/777", stock.path("locationId").asText());
    assertEquals("available", stock.path("name").asText());
    assertEquals(8, stock.path("quantity").asInt());
    JsonNode file = input.path("files").get(0);
    assertEquals("https://cdn.example.com/mug.jpg", file.path("originalSource").asText());
    assertEquals("IMAGE", file.path("contentType").asText());
    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
  }

  @Test
  void listingsSharingAGroupBecomeVariantsOfOneProductWithTheGroupsHandle() throws Exception {
    shop.found("");
    shop.data(NO_PRODUCT);
    shop.data(SAVED);
    shop.data(SAVED);

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(tee("TEE-S", "S"), mug(), tee("TEE-M", "M")));

    shop.take();
    Call byHandle = shop.take();
    assertEquals("ProductVariants", byHandle.operation());
    assertEquals("tee", byHandle.variables().path("identifier").path("handle").asText());
    Call set = shop.take();
    assertTrue(set.variables().path("identifier").isNull());
    JsonNode tees = set.variables().path("input");
    assertEquals("tee", tees.path("handle").asText(), "a later batch finds the group's product by it");
    assertEquals("Size", tees.path("productOptions").get(0).path("name").asText());
    assertEquals("S", tees.path("productOptions").get(0).path("values").get(0).path("name").asText());
    assertEquals("M", tees.path("productOptions").get(0).path("values").get(1).path("name").asText());
    assertEquals(2, tees.path("variants").size());
    assertEquals("TEE-M", tees.path("variants").get(1).path("sku").asText());
    assertEquals("M", tees.path("variants").get(1).path("optionValues").get(0).path("name").asText());
    JsonNode mugInput = shop.take().variables().path("input");
    assertEquals("MUG-1", mugInput.path("variants").get(0).path("sku").asText());
    assertFalse(mugInput.has("handle"), "a single listing's handle is Shopify's to derive from the title");
    assertEquals(3, result.outcomes().size());
    assertTrue(result.outcomes().stream().allMatch(o -> o.status() == ItemOutcome.Status.DONE));
  }

  @Test
  void existingProductIsUpdatedByIdAndItsOtherVariantsAreKept() throws Exception {
    shop.found(variant("11", "TEE-S", "5", 2));
    shop.data(TEE_PRODUCT);
    shop.data(SAVED);

    shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S")));

    shop.take();
    Call siblings = shop.take();
    assertEquals("ProductVariants", siblings.operation());
    assertEquals("gid://shopify/Product/5", siblings.variables().path("identifier").path("id").asText());
    Call set = shop.take();
    assertEquals("gid://shopify/Product/5", set.variables().path("identifier").path("id").asText());
    JsonNode variants = set.variables().path("input").path("variants");
    assertEquals(2, variants.size(), "productSet deletes variants it is not told about");
    assertEquals("gid://shopify/ProductVariant/11", variants.get(0).path("id").asText());
    assertEquals("gid://shopify/ProductVariant/12", variants.get(1).path("id").asText());
    assertEquals("L", variants.get(1).path("optionValues").get(0).path("name").asText());
    assertFalse(variants.get(1).has("price"), "a kept variant is left as it is");
    JsonNode sizes = set.variables().path("input").path("productOptions").get(0).path("values");
    assertEquals(2, sizes.size());
    assertFalse(set.variables().path("input").has("handle"), "an existing product keeps its handle");
  }

  @Test
  void aVariantNewToItsGroupJoinsTheProductFoundByTheGroupsHandle() throws Exception {
    shop.found("");
    shop.data(TEE_PRODUCT);
    shop.data(SAVED);

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-M", "M")));

    shop.take();
    assertEquals("tee", shop.take().variables().path("identifier").path("handle").asText());
    Call set = shop.take();
    assertEquals("gid://shopify/Product/5", set.variables().path("identifier").path("id").asText());
    JsonNode variants = set.variables().path("input").path("variants");
    assertEquals(3, variants.size());
    assertEquals("TEE-M", variants.get(0).path("sku").asText());
    assertFalse(variants.get(0).has("id"), "the new variant is created");
    assertEquals("gid://shopify/ProductVariant/11", variants.get(1).path("id").asText());
    assertEquals("gid://shopify/ProductVariant/12", variants.get(2).path("id").asText());
    assertEquals(3, set.variables().path("input").path("productOptions").get(0).path("values").size());
    assertEquals(ItemOutcome.Status.DONE, result.outcomes().get(0).status());
  }

  @Test
  void userErrorsFailTheListingsWithShopifysCodeAndMessage() throws Exception {
    shop.found("");
    shop.data(NO_PRODUCT);
    shop.data("""
        {"productSet":{"product":null,"userErrors":[
          {"field":["input","variants","1","price"],"message":"Price must be greater than or equal to 0",
           "code":"INVALID_VARIANT"}]}}""");

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(tee("TEE-S", "S"), tee("TEE-M", "M")));

    ItemOutcome sibling = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.FAILED, sibling.status());
    assertEquals("INVALID_VARIANT", sibling.code());
    assertTrue(sibling.message().startsWith("product not saved: "), sibling.message());
    ItemOutcome culprit = result.outcomes().get(1);
    assertEquals(ItemOutcome.Status.FAILED, culprit.status());
    assertEquals("INVALID_VARIANT", culprit.code());
    assertEquals("input.variants.1.price: Price must be greater than or equal to 0", culprit.message());
  }

  @Test
  void listingBreakingShopifysRulesFailsWithoutACall() {
    Listing tooManyOptions = Listing.of("X", "Thing", BigDecimal.ONE, "EUR", 1)
        .asVariant("G", Map.of("A", "1", "B", "2", "C", "3", "D", "4"));
    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tooManyOptions));
    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals("INVALID_LISTING", result.outcomes().get(0).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void deleteRemovesTheVariantOrTheWholeProductAndUnknownSkusAreDone() throws Exception {
    shop.found(variant("11", "TEE-S", "1", 3) + "," + variant("21", "MUG-1", "2", 1));
    shop.data("{\"productVariantsBulkDelete\":{\"product\":{\"id\":\"gid://shopify/Product/1\"},\"userErrors\":[]}}");
    shop.data("{\"productDelete\":{\"deletedProductId\":\"gid://shopify/Product/2\",\"userErrors\":[]}}");

    BatchResult result = shop.adapter.deleteListings(shop.connection(),
        List.of(new SkuRef("TEE-S"), new SkuRef("GONE"), new SkuRef("MUG-1")));

    shop.take();
    Call variants = shop.take();
    assertEquals("VariantsDelete", variants.operation());
    assertEquals("gid://shopify/Product/1", variants.variables().path("productId").asText());
    assertEquals("gid://shopify/ProductVariant/11", variants.variables().path("variantsIds").get(0).asText());
    Call product = shop.take();
    assertEquals("ProductDelete", product.operation());
    assertEquals("gid://shopify/Product/2", product.variables().path("input").path("id").asText());
    assertTrue(result.outcomes().stream().allMatch(o -> o.status() == ItemOutcome.Status.DONE));
    assertEquals(3, shop.server.getRequestCount());
  }

  @Test
  void refusedDeleteFailsItsItem() throws Exception {
    shop.found(variant("21", "MUG-1", "2", 1));
    shop.data("{\"productDelete\":{\"deletedProductId\":null,\"userErrors\":"
        + "[{\"field\":[\"id\"],\"message\":\"Product is part of an active bundle\"}]}}");

    BatchResult result = shop.adapter.deleteListings(shop.connection(), List.of(new SkuRef("MUG-1")));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.FAILED, outcome.status());
    assertEquals("USER_ERROR", outcome.code());
    assertEquals("id: Product is part of an active bundle", outcome.message());
  }
}
