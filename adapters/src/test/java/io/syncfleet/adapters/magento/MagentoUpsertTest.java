package io.syncfleet.adapters.magento;

import static io.syncfleet.adapters.magento.MagentoFixture.body;
import static io.syncfleet.adapters.magento.MagentoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind upsertListings: product saves, configurable groups, quantities, and each way they fail. */
class MagentoUpsertTest {
  private static final Listing MUG = Listing.of("SKU-1", "Red Mug", new BigDecimal("9.99"), "EUR", 5)
      .withDetails("A red mug", "Acme", "12");
  private static final String SIZE = """
      {"attribute_id":141,"attribute_code":"size","default_frontend_label":"Size","frontend_input":"select",
       "options":[{"label":" ","value":""},{"label":"S","value":"167"},{"label":"M","value":"168"}]}""";

  @RegisterExtension
  final MagentoFixture magento = new MagentoFixture();
  private final Connection connection = magento.connection();

  @Test
  void savesEachProductBySkuThenSetsTheQuantitiesInOneCall() {
    magento.reply(200, "{\"id\":11,\"sku\":\"SKU-1\"}");
    magento.reply(200, "{\"id\":12,\"sku\":\"SKU 2+b\"}");
    magento.reply(200, "");

    BatchResult result = magento.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU 2+b", "Blue Cup", new BigDecimal("4.50"), "EUR", 0)));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU 2+b")), result.outcomes());
    RecordedRequest first = magento.take();
    assertEquals("PUT", first.getMethod());
    assertEquals("/rest/all/V1/products/SKU-1", first.getPath());
    assertEquals(json("""
        {"product":{"sku":"SKU-1","name":"Red Mug","attribute_set_id":4,"status":1,"visibility":4,
         "type_id":"simple",
         "extension_attributes":{"website_ids":[1],"category_links":[{"position":0,"category_id":"12"}]},
         "price":9.99,
         "custom_attributes":[{"attribute_code":"description","value":"A red mug"},
                              {"attribute_code":"url_key","value":"red-mug-sku-1"}]}}"""), body(first));
    RecordedRequest second = magento.take();
    assertEquals("/rest/all/V1/products/SKU%202%2Bb", second.getPath(), "every reserved character is encoded");
    RecordedRequest stock = magento.take();
    assertEquals("POST", stock.getMethod());
    assertEquals("/rest/all/V1/inventory/source-items", stock.getPath());
    assertEquals(json("""
        {"sourceItems":[{"sku":"SKU-1","source_code":"default","quantity":5,"status":1},
                        {"sku":"SKU 2+b","source_code":"default","quantity":0,"status":0}]}"""), body(stock));
  }

  @Test
  void settingsChooseTheStoreCodeSourceAttributeSetWebsiteAndCategory() {
    Connection custom = magento.connection(Map.of("store_code", "de", "source_code", "berlin",
        "attribute_set_id", "9", "website_id", "2", "category_id", "3"));
    magento.reply(200, "{\"id\":11}");
    magento.reply(200, "");

    magento.adapter.upsertListings(custom, List.of(Listing.of("SKU-1", "Mug", BigDecimal.ONE, "EUR", 2)));

    RecordedRequest save = magento.take();
    assertEquals("/rest/de/V1/products/SKU-1", save.getPath());
    assertEquals(9, body(save).path("product").path("attribute_set_id").asInt());
    assertEquals(json("{\"website_ids\":[2],\"category_links\":[{\"position\":0,\"category_id\":\"3\"}]}"),
        body(save).path("product").path("extension_attributes"));
    assertEquals("berlin", body(magento.take()).path("sourceItems").get(0).path("source_code").asText());
  }

  @Test
  void aListingBreakingTheRulesIsNotSent() {
    magento.reply(200, "{\"id\":11}");
    magento.reply(200, "");
    Listing slash = Listing.of("A/B", "Mug", BigDecimal.ONE, "EUR", 1);

    BatchResult result = magento.adapter.upsertListings(connection, List.of(slash, MUG));

    ItemOutcome refused = result.outcomes().get(0);
    assertEquals(Status.FAILED, refused.status());
    assertEquals(MagentoAdapter.INVALID_LISTING, refused.code());
    assertTrue(refused.message().startsWith("sku: "), refused.message());
    assertEquals(Status.DONE, result.outcomes().get(1).status());
    assertEquals("/rest/all/V1/products/SKU-1", magento.take().getPath());
    magento.take();
    assertEquals(2, magento.server.getRequestCount());
  }

  @Test
  void aRefusedProductFailsWithMagentosFilledMessageAndTheRestGoOn() {
    magento.reply(400, "{\"message\":\"The value of attribute \\\"%1\\\" must be unique.\",\"parameters\":[\"url_key\"]}");
    magento.reply(200, "{\"id\":12}");
    magento.reply(200, "");

    BatchResult result = magento.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU-2", "Cup", BigDecimal.ONE, "EUR", 1)));

    assertEquals(ItemOutcome.failed("SKU-1", null, "The value of attribute \"url_key\" must be unique."),
        result.outcomes().get(0));
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
    magento.take();
    magento.take();
    assertEquals(List.of("SKU-2"), skus(body(magento.take())), "only the saved product's quantity is set");
  }

  @Test
  void aThrottleStopsTheBatchAndLeavesTheRestThrottledWithTheWait() {
    magento.reply(200, "{\"id\":11}");
    magento.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));

    BatchResult result = magento.adapter.upsertListings(connection, List.of(MUG,
        Listing.of("SKU-2", "Cup", BigDecimal.ONE, "EUR", 1), Listing.of("SKU-3", "Bowl", BigDecimal.ONE, "EUR", 1)));

    ItemOutcome saved = result.outcomes().get(0);
    assertEquals(Status.THROTTLED, saved.status(), "saved, but its quantity is still to be set");
    assertTrue(saved.message().startsWith("saved, but its quantity was not"), saved.message());
    assertEquals(Duration.ofSeconds(3), saved.retryAfter());
    assertEquals(Status.THROTTLED, result.outcomes().get(1).status());
    assertEquals(Status.THROTTLED, result.outcomes().get(2).status());
    assertEquals(Duration.ofSeconds(3), result.outcomes().get(2).retryAfter());
    assertEquals(2, magento.server.getRequestCount());
  }

  @Test
  void aVariantGroupBecomesAConfigurableProductLinkingItsVariants() {
    magento.reply(200, SIZE);
    magento.reply(200, "{\"id\":21}");
    magento.reply(200, "{\"id\":22}");
    magento.reply(404, "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}");
    magento.reply(200, "{\"id\":20}");
    magento.reply(200, "");

    BatchResult result = magento.adapter.upsertListings(connection, List.of(
        variant("TEE-S", "S"), variant("TEE-M", "m")));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    assertEquals("/rest/all/V1/products/attributes/size", magento.take().getPath());
    RecordedRequest small = magento.take();
    assertEquals("/rest/all/V1/products/TEE-S", small.getPath());
    assertEquals(1, body(small).path("product").path("visibility").asInt(), "a variant is not visible on its own");
    assertEquals(json("{\"attribute_code\":\"size\",\"value\":\"167\"}"),
        body(small).path("product").path("custom_attributes").get(1));
    assertEquals(json("{\"attribute_code\":\"size\",\"value\":\"168\"}"),
        body(magento.take()).path("product").path("custom_attributes").get(1), "labels match ignoring case");
    RecordedRequest lookup = magento.take();
    assertEquals("GET", lookup.getMethod());
    assertEquals("/rest/all/V1/products/TEE", lookup.getPath());
    RecordedRequest parent = magento.take();
    assertEquals("PUT", parent.getMethod());
    assertEquals("/rest/all/V1/products/TEE", parent.getPath());
    assertEquals("configurable", body(parent).path("product").path("type_id").asText());
    assertEquals(json("""
        {"website_ids":[1],
         "configurable_product_options":[{"attribute_id":"141","label":"Size","position":0,
                                          "values":[{"value_index":167},{"value_index":168}]}],
         "configurable_product_links":[21,22]}"""), body(parent).path("product").path("extension_attributes"));
    assertEquals(List.of("TEE-S", "TEE-M"), skus(body(magento.take())));
  }

  @Test
  void anExistingConfigurableKeepsTheVariantsAndValuesItHas() {
    magento.reply(200, SIZE);
    magento.reply(200, "{\"id\":22}");
    magento.reply(200, """
        {"id":20,"sku":"TEE","type_id":"configurable","extension_attributes":{
          "configurable_product_options":[{"attribute_id":"141","label":"Size","values":[{"value_index":167}]}],
          "configurable_product_links":[21]}}""");
    magento.reply(200, "{\"id\":20}");
    magento.reply(200, "");

    magento.adapter.upsertListings(connection, List.of(variant("TEE-M", "M")));

    magento.take();
    magento.take();
    magento.take();
    assertEquals(json("""
        {"website_ids":[1],
         "configurable_product_options":[{"attribute_id":"141","label":"Size","position":0,
                                          "values":[{"value_index":167},{"value_index":168}]}],
         "configurable_product_links":[21,22]}"""), body(magento.take()).path("product").path("extension_attributes"));
  }

  @Test
  void anUnknownOptionValueOrAttributeFailsTheVariantWithoutSavingIt() {
    magento.reply(200, SIZE);
    magento.reply(404, "{\"message\":\"The attribute with a \\\"%1\\\" attributeCode doesn't exist.\",\"parameters\":[\"color\"]}");

    BatchResult result = magento.adapter.upsertListings(connection, List.of(
        variant("TEE-XL", "XL"),
        MUG.asVariant("TEE", Map.of("Color", "Red"))));

    assertEquals(Status.FAILED, result.outcomes().get(0).status());
    assertEquals(MagentoConfigurables.UNKNOWN_OPTION_VALUE, result.outcomes().get(0).code());
    assertEquals(MagentoConfigurables.UNKNOWN_ATTRIBUTE, result.outcomes().get(1).code());
    assertEquals(2, magento.server.getRequestCount(), "no product saved, no group linked");
  }

  @Test
  void aGroupSkuHeldByASimpleProductFailsItsVariantsAfterTheyAreSaved() {
    magento.reply(200, SIZE);
    magento.reply(200, "{\"id\":21}");
    magento.reply(200, "{\"id\":20,\"sku\":\"TEE\",\"type_id\":\"simple\"}");
    magento.reply(200, "");

    BatchResult result = magento.adapter.upsertListings(connection, List.of(variant("TEE-S", "S")));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(Status.FAILED, outcome.status());
    assertEquals(MagentoConfigurables.GROUP_SKU_TAKEN, outcome.code());
    assertTrue(outcome.message().startsWith("saved, but not linked to its configurable product TEE"), outcome.message());
  }

  @Test
  void aQuantityMagentoRefusesFailsThatListingOnly() {
    magento.reply(200, "{\"id\":11}");
    magento.reply(200, "{\"id\":12}");
    magento.reply(400, """
        {"message":"Validation Failed","errors":[{"message":"Product with requested \\"%field\\": \\"%value\\" was was not found.",
          "parameters":{"field":"sku","value":"SKU-2"}}]}""");
    magento.reply(200, "");

    BatchResult result = magento.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU-2", "Cup", BigDecimal.ONE, "EUR", 1)));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", null,
        "saved, but its quantity was not: Product with requested \"sku\": \"SKU-2\" was was not found."),
        result.outcomes().get(1));
  }

  private static Listing variant(String sku, String size) {
    return Listing.of(sku, "Tee", new BigDecimal("15.00"), "EUR", 3).asVariant("TEE", Map.of("Size", size));
  }

  private static List<String> skus(JsonNode sourceItems) {
    List<String> out = new ArrayList<>();
    sourceItems.path("sourceItems").forEach(n -> out.add(n.path("sku").asText()));
    return out;
  }
}
