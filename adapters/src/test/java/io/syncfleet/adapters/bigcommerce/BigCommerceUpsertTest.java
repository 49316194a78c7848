package io.syncfleet.adapters.bigcommerce;

import static io.syncfleet.adapters.bigcommerce.BigCommerceFixture.body;
import static io.syncfleet.adapters.bigcommerce.BigCommerceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind upsertListings: lookup, create or update, new variants, quantities, refusals. */
class BigCommerceUpsertTest {
  private static final String V3 = "/stores/abc123/v3";
  private static final Listing MUG = new Listing("SKU-1", "Red Mug", "A red mug", "Acme", "M-1", "012345678905",
      Listing.Condition.NEW, new BigDecimal("9.99"), "USD", 5, List.of("https://img.example/1.jpg",
      "https://img.example/2.jpg"), "23", Map.of(), null, Map.of());
  private static final String EXISTING_TEE = """
      {"data":[{"id":77,"sku":"TEE","base_variant_id":800,
        "variants":[{"id":800,"sku":"TEE","option_values":[]},
                    {"id":801,"sku":"TEE-S","option_values":[{"id":10,"option_id":5,"label":"S"}]}],
        "options":[{"id":5,"display_name":"Size","option_values":[{"id":10,"label":"S"}]}]}]}""";

  @RegisterExtension
  final BigCommerceFixture bc = new BigCommerceFixture();
  private final Connection connection = bc.connection();

  @Test
  void aNewListingIsCreatedWithItsImagesThenGetsItsQuantity() {
    bc.reply(200, "{\"data\":[],\"meta\":{}}");
    bc.reply(200, "{\"data\":{\"id\":77,\"base_variant_id\":700,\"variants\":[{\"id\":700,\"sku\":\"SKU-1\"}]}}");
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");

    BatchResult result = bc.adapter.upsertListings(connection, List.of(MUG));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    RecordedRequest lookup = bc.take();
    assertEquals("GET", lookup.getMethod());
    HttpUrl url = lookup.getRequestUrl();
    assertEquals(V3 + "/catalog/products", url.encodedPath());
    assertEquals("SKU-1", url.queryParameter("sku:in"));
    assertEquals("variants,options", url.queryParameter("include"));
    RecordedRequest create = bc.take();
    assertEquals("POST", create.getMethod());
    assertEquals(V3 + "/catalog/products", create.getPath());
    assertEquals(json("""
        {"name":"Red Mug","type":"physical","sku":"SKU-1","price":9.99,"weight":0,"description":"A red mug",
         "brand_name":"Acme","mpn":"M-1","gtin":"012345678905","upc":"012345678905","condition":"New",
         "is_visible":true,"inventory_tracking":"product","categories":[23],
         "images":[{"image_url":"https://img.example/1.jpg","is_thumbnail":true,"sort_order":0},
                   {"image_url":"https://img.example/2.jpg","is_thumbnail":false,"sort_order":1}]}"""), body(create));
    RecordedRequest stock = bc.take();
    assertEquals("PUT", stock.getMethod());
    assertEquals(V3 + "/inventory/adjustments/absolute", stock.getPath());
    assertEquals(json("""
        {"reason":"Syncfleet stock sync","items":[{"location_id":1,"sku":"SKU-1","quantity":5}]}"""), body(stock));
  }

  @Test
  void aNewVariantGroupIsOneProductCreatedWithItsVariants() {
    bc.reply(200, "{\"data\":[]}");
    bc.reply(200, "{\"data\":{\"id\":77,\"base_variant_id\":800,\"variants\":[{\"id\":801,\"sku\":\"TEE-S\"}]}}");
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");

    BatchResult result = bc.adapter.upsertListings(connection, List.of(tee("TEE-S", "S"), tee("TEE-M", "M")));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    assertEquals("TEE", bc.take().getRequestUrl().queryParameter("sku:in"));
    RecordedRequest create = bc.take();
    assertEquals(json("""
        {"name":"Tee","type":"physical","sku":"TEE","price":15.00,"weight":0,"condition":"New","is_visible":true,
         "inventory_tracking":"variant","images":[],
         "variants":[{"sku":"TEE-S","price":15.00,"option_values":[{"option_display_name":"Size","label":"S"}]},
                     {"sku":"TEE-M","price":15.00,"option_values":[{"option_display_name":"Size","label":"M"}]}]}"""),
        body(create));
    assertEquals(2, body(bc.take()).path("items").size());
  }

  @Test
  void anExistingGroupIsUpdatedAndANewVariantGetsItsOptionValueFirst() {
    bc.reply(200, EXISTING_TEE);
    bc.reply(200, "{\"data\":{\"id\":77}}");
    bc.reply(200, "{\"data\":{\"id\":11,\"label\":\"M\"}}");
    bc.reply(200, "{\"data\":{\"id\":802,\"sku\":\"TEE-M\"}}");
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");

    BatchResult result = bc.adapter.upsertListings(connection,
        List.of(tee("TEE-S", "S").withDetails(null, null, "4"), tee("TEE-M", "M")));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    bc.take();
    RecordedRequest update = bc.take();
    assertEquals("PUT", update.getMethod());
    assertEquals(V3 + "/catalog/products/77", update.getPath());
    assertEquals(json("""
        {"name":"Tee","type":"physical","sku":"TEE","price":15.00,"condition":"New","is_visible":true,
         "inventory_tracking":"variant",
         "categories":[4],"variants":[{"id":801,"product_id":77,"sku":"TEE-S","price":15.00}]}"""), body(update));
    RecordedRequest value = bc.take();
    assertEquals("POST", value.getMethod());
    assertEquals(V3 + "/catalog/products/77/options/5/values", value.getPath());
    assertEquals(json("{\"label\":\"M\",\"sort_order\":1}"), body(value));
    RecordedRequest variant = bc.take();
    assertEquals(V3 + "/catalog/products/77/variants", variant.getPath());
    assertEquals(json("{\"sku\":\"TEE-M\",\"price\":15.00,\"option_values\":[{\"id\":11,\"option_id\":5}]}"), body(variant));
    bc.take();
  }

  @Test
  void aVariantWithAnOptionItsProductLacksFails() {
    bc.reply(200, EXISTING_TEE);
    bc.reply(200, "{\"data\":{\"id\":77}}");

    BatchResult result = bc.adapter.upsertListings(connection, List.of(
        Listing.of("TEE-RED", "Tee", BigDecimal.ONE, "USD", 1).asVariant("TEE", Map.of("Color", "Red"))));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(Status.FAILED, outcome.status());
    assertEquals(BigCommerceProducts.NEW_OPTION, outcome.code());
    assertEquals(2, bc.server.getRequestCount(), "no variant created, no quantity set");
    bc.take();
    assertFalse(body(bc.take()).has("variants"), "the product's own variants are left as they are");
  }

  @Test
  void aRefusedProductFailsAllItsListingsWithBigCommercesMessage() {
    bc.reply(200, "{\"data\":[]}");
    bc.reply(409, "{\"status\":409,\"title\":\"The product name is a duplicate\",\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}");
    bc.reply(200, "{\"data\":{\"id\":78,\"base_variant_id\":780}}");
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");

    BatchResult result = bc.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU-2", "Cup", BigDecimal.ONE, "USD", 2)));

    assertEquals(ItemOutcome.failed("SKU-1", null, "The product name is a duplicate"), result.outcomes().get(0));
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
    assertEquals("SKU-1,SKU-2", bc.take().getRequestUrl().queryParameter("sku:in"));
    bc.take();
    bc.take();
    assertEquals(json("[{\"location_id\":1,\"sku\":\"SKU-2\",\"quantity\":2}]"), body(bc.take()).path("items"));
  }

  @Test
  void aValidationErrorListsTheFields() {
    bc.reply(200, "{\"data\":[]}");
    bc.reply(422, "{\"status\":422,\"title\":\"JSON data is missing or invalid\",\"errors\":{\"categories\":\"Please provide categories.\"}}");

    BatchResult result = bc.adapter.upsertListings(connection, List.of(Listing.of("SKU-2", "Cup", BigDecimal.ONE, "USD", 2)));

    assertEquals("JSON data is missing or invalid (categories: Please provide categories.)",
        result.outcomes().get(0).message());
  }

  @Test
  void aListingBreakingTheRulesIsNotSent() {
    BatchResult result = bc.adapter.upsertListings(connection, List.of(
        Listing.of("A,B", "Mug", BigDecimal.ONE, "USD", 1).withImages(List.of("/relative.jpg"))));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(BigCommerceAdapter.INVALID_LISTING, outcome.code());
    assertTrue(outcome.message().contains("sku: sku must not contain ','"), outcome.message());
    assertTrue(outcome.message().contains("imageUrls: "), outcome.message());
    assertEquals(0, bc.server.getRequestCount());
  }

  @Test
  void aQuantityBigCommerceRefusesFailsThatListingOnly() {
    bc.reply(200, "{\"data\":[{\"id\":77,\"sku\":\"SKU-1\",\"variants\":[]},{\"id\":78,\"sku\":\"SKU-2\",\"variants\":[]}]}");
    bc.reply(200, "{\"data\":{\"id\":77}}");
    bc.reply(200, "{\"data\":{\"id\":78}}");
    bc.reply(422, "{\"status\":422,\"title\":\"[Item with sku SKU-2 is tracked by variant]\",\"errors\":{}}");
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");
    bc.reply(422, "{\"status\":422,\"title\":\"[Item with sku SKU-2 is tracked by variant]\",\"errors\":{}}");

    BatchResult result = bc.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU-2", "Cup", BigDecimal.ONE, "USD", 2)));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", null,
        "saved, but its quantity was not: [Item with sku SKU-2 is tracked by variant]"), result.outcomes().get(1));
    assertEquals(6, bc.server.getRequestCount());
  }

  private static Listing tee(String sku, String size) {
    return Listing.of(sku, "Tee", new BigDecimal("15.00"), "USD", 3).asVariant("TEE", Map.of("Size", size));
  }
}
