package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareFixture.body;
import static io.syncfleet.adapters.square.SquareFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind upsertListings: search, per-item batches, quantities, and refused batches. */
class SquareUpsertTest {
  private static final Listing MUG = new Listing("SKU-1", "Red Mug", "A red mug", "Acme", "M-1", "012345678905",
      Listing.Condition.NEW, new BigDecimal("9.99"), "USD", 5, List.of(), "CAT-1", Map.of(), null, Map.of());
  private static final String NOTHING_FOUND = "{\"objects\":[]}";
  private static final String EXISTING_TEE = """
      {"objects":[{"type":"ITEM_VARIATION","id":"V1","version":5,
        "item_variation_data":{"item_id":"I1","name":"S","sku":"TEE-S","pricing_type":"FIXED_PRICING",
                               "price_money":{"amount":1500,"currency":"USD"}}}],
       "related_objects":[{"type":"ITEM","id":"I1","version":9,"item_data":{"name":"Tee","variations":[
         {"type":"ITEM_VARIATION","id":"V1","version":5,"item_variation_data":{"item_id":"I1","name":"S","sku":"TEE-S",
          "pricing_type":"FIXED_PRICING","price_money":{"amount":1500,"currency":"USD"}}},
         {"type":"ITEM_VARIATION","id":"V2","version":6,"item_variation_data":{"item_id":"I1","name":"L","sku":"TEE-L",
          "pricing_type":"FIXED_PRICING","price_money":{"amount":1700,"currency":"USD"}}}]}}]}""";

  @RegisterExtension
  final SquareFixture square = new SquareFixture();
  private final Connection connection = square.connection();

  @Test
  void aNewListingIsANewItemThenItsQuantityIsCountedAtTheMainLocation() {
    square.reply(200, NOTHING_FOUND);
    square.reply(200, """
        {"objects":[{"type":"ITEM","id":"I1","version":1,"item_data":{"variations":[
           {"type":"ITEM_VARIATION","id":"V1","version":1,"item_variation_data":{"sku":"SKU-1"}}]}}],
         "id_mappings":[{"client_object_id":"#item-0","object_id":"I1"},{"client_object_id":"#variation-0-1","object_id":"V1"}]}""");
    square.reply(200, "{\"location\":{\"id\":\"L1\",\"name\":\"Main\"}}");
    square.reply(200, "{\"counts\":[{\"catalog_object_id\":\"V1\",\"quantity\":\"5\"}]}");

    BatchResult result = square.adapter.upsertListings(connection, List.of(MUG));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    RecordedRequest search = square.take();
    assertEquals("POST", search.getMethod());
    assertEquals("/v2/catalog/search", search.getPath());
    assertEquals(json("""
        {"object_types":["ITEM_VARIATION"],"include_related_objects":true,
         "query":{"set_query":{"attribute_name":"sku","attribute_values":["SKU-1"]}},"limit":1000}"""), body(search));
    RecordedRequest upsert = square.take();
    assertEquals("/v2/catalog/batch-upsert", upsert.getPath());
    JsonNode sent = body(upsert);
    UUID.fromString(sent.path("idempotency_key").asText());
    assertEquals(json("""
        [{"objects":[{"type":"ITEM","id":"#item-0","present_at_all_locations":true,
          "item_data":{"product_type":"REGULAR","name":"Red Mug","description":"A red mug","categories":[{"id":"CAT-1"}],
           "variations":[{"type":"ITEM_VARIATION","id":"#variation-0-1","present_at_all_locations":true,
             "item_variation_data":{"item_id":"#item-0","name":"Regular","sku":"SKU-1","upc":"012345678905",
               "pricing_type":"FIXED_PRICING","price_money":{"amount":999,"currency":"USD"},"track_inventory":true}}]}}]}]"""),
        sent.path("batches"));
    assertEquals("/v2/locations/main", square.take().getPath());
    RecordedRequest count = square.take();
    assertEquals("/v2/inventory/changes/batch-create", count.getPath());
    JsonNode changes = body(count);
    UUID.fromString(changes.path("idempotency_key").asText());
    assertEquals(json("""
        [{"type":"PHYSICAL_COUNT","physical_count":{"catalog_object_id":"V1","location_id":"L1","quantity":"5",
          "state":"IN_STOCK","occurred_at":"2024-06-01T12:00:00Z"}}]"""), changes.path("changes"));
    assertTrue(changes.path("ignore_unchanged_counts").asBoolean());
  }

  @Test
  void anExistingItemIsUpdatedAtItsVersionKeepingItsOtherVariations() {
    square.reply(200, EXISTING_TEE);
    square.reply(200, """
        {"objects":[{"type":"ITEM","id":"I1","version":10,"item_data":{"variations":[
           {"id":"V1","item_variation_data":{"sku":"TEE-S"}},{"id":"V2","item_variation_data":{"sku":"TEE-L"}},
           {"id":"V3","item_variation_data":{"sku":"TEE-M"}}]}}],
         "id_mappings":[{"client_object_id":"#variation-0-2","object_id":"V3"}]}""");
    square.reply(200, "{\"counts\":[]}");

    BatchResult result = square.adapter.upsertListings(square.connection(Map.of("location_id", "L9")),
        List.of(tee("TEE-S", "S", "16.00"), tee("TEE-M", "M", "16.00").withDetails(null, null, null)));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    assertEquals(json("[\"TEE-S\",\"TEE-M\"]"), body(square.take()).path("query").path("set_query").path("attribute_values"));
    JsonNode item = body(square.take()).path("batches").get(0).path("objects").get(0);
    assertEquals("I1", item.path("id").asText());
    assertEquals(9, item.path("version").asInt(), "the item is written at the version just read");
    JsonNode variations = item.path("item_data").path("variations");
    assertEquals(3, variations.size());
    assertEquals(json("""
        {"type":"ITEM_VARIATION","id":"V1","version":5,"item_variation_data":{"item_id":"I1","name":"S","sku":"TEE-S",
         "pricing_type":"FIXED_PRICING","price_money":{"amount":1600,"currency":"USD"},"track_inventory":true}}"""),
        variations.get(0));
    assertEquals(json("""
        {"type":"ITEM_VARIATION","id":"V2","version":6,"item_variation_data":{"item_id":"I1","name":"L","sku":"TEE-L",
         "pricing_type":"FIXED_PRICING","price_money":{"amount":1700,"currency":"USD"}}}"""), variations.get(1),
        "a variation outside the batch is kept as it is");
    assertEquals("#variation-0-2", variations.get(2).path("id").asText());
    assertEquals("I1", variations.get(2).path("item_variation_data").path("item_id").asText());
    RecordedRequest count = square.take();
    assertEquals("/v2/inventory/changes/batch-create", count.getPath(), "the location setting needs no lookup");
    JsonNode changes = body(count).path("changes");
    assertEquals("V1", changes.get(0).path("physical_count").path("catalog_object_id").asText());
    assertEquals("V3", changes.get(1).path("physical_count").path("catalog_object_id").asText());
    assertEquals("L9", changes.get(1).path("physical_count").path("location_id").asText());
  }

  @Test
  void eachItemIsItsOwnBatchSoARefusedOneLeavesTheOthersSaved() {
    square.reply(200, NOTHING_FOUND);
    square.reply(400, """
        {"objects":[{"type":"ITEM","id":"I1","item_data":{"variations":[{"id":"V1"}]}}],
         "id_mappings":[{"client_object_id":"#item-0","object_id":"I1"},{"client_object_id":"#variation-0-1","object_id":"V1"}],
         "errors":[{"category":"INVALID_REQUEST_ERROR","code":"INVALID_VALUE",
                    "detail":"Object `#item-1` has an invalid category id.","field":"item_data.categories"}]}""");
    square.reply(200, "{\"location\":{\"id\":\"L1\"}}");
    square.reply(200, "{\"counts\":[]}");

    BatchResult result = square.adapter.upsertListings(connection, List.of(MUG.withDetails(null, null, null),
        Listing.of("SKU-2", "Cup", BigDecimal.ONE, "USD", 1).withDetails(null, null, "BAD")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    ItemOutcome refused = result.outcomes().get(1);
    assertEquals(ItemOutcome.failed("SKU-2", "INVALID_VALUE",
        "Object `#item-1` has an invalid category id. (item_data.categories)"), refused);
    square.take();
    assertEquals(2, body(square.take()).path("batches").size());
  }

  @Test
  void aStaleVersionComesBackForARetry() {
    square.reply(200, EXISTING_TEE);
    square.reply(400, """
        {"errors":[{"category":"INVALID_REQUEST_ERROR","code":"VERSION_MISMATCH",
                    "detail":"Object version does not match latest database version."}]}""");

    BatchResult result = square.adapter.upsertListings(connection, List.of(tee("TEE-S", "S", "16.00")));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(Status.RETRY, outcome.status());
    assertEquals("VERSION_MISMATCH", outcome.code());
  }

  @Test
  void aConcurrentCatalogWriteIsThrottledWithSquaresCode() {
    square.reply(200, NOTHING_FOUND);
    square.reply(429, "{\"errors\":[{\"category\":\"RATE_LIMIT_ERROR\",\"code\":\"RATE_LIMITED\",\"detail\":\"Rate limited.\"}]}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> square.adapter.upsertListings(connection, List.of(MUG)));

    assertEquals("RATE_LIMITED", e.code());
    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void aSkuListedTwiceIsSentOnceAsItsLastListing() {
    square.reply(200, NOTHING_FOUND);
    square.reply(200, """
        {"objects":[{"type":"ITEM","id":"I1","item_data":{"variations":[{"id":"V1"}]}}],
         "id_mappings":[{"client_object_id":"#item-0","object_id":"I1"},{"client_object_id":"#variation-0-1","object_id":"V1"}]}""");
    square.reply(200, "{\"location\":{\"id\":\"L1\"}}");
    square.reply(200, "{\"counts\":[]}");

    BatchResult result = square.adapter.upsertListings(connection,
        List.of(MUG, Listing.of("SKU-1", "Red Mug v2", new BigDecimal("8.00"), "USD", 4)));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-1")), result.outcomes());
    square.take();
    JsonNode item = body(square.take()).path("batches").get(0).path("objects").get(0);
    assertEquals("Red Mug v2", item.path("item_data").path("name").asText());
    assertEquals(1, item.path("item_data").path("variations").size());
  }

  @Test
  void aPriceNotInWholeCentsIsRefusedBeforeAnyCall() {
    Listing fraction = Listing.of("SKU-9", "Mug", new BigDecimal("9.999"), "USD", 1);

    BatchResult result = square.adapter.upsertListings(connection, List.of(fraction));

    assertEquals(SquareAdapter.INVALID_LISTING, result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("minor units"), result.outcomes().get(0).message());
    assertEquals(0, square.server.getRequestCount());
  }

  @Test
  void aNewVariationOfAnItemWithTooManyObjectsFails() {
    ObjectNode found = (ObjectNode) json(EXISTING_TEE);
    var variations = ((ObjectNode) found.path("related_objects").get(0).path("item_data")).putArray("variations");
    for (int i = 0; i < SquareApi.OBJECTS_PER_BATCH; i++) {
      variations.addObject().put("id", "V" + i).putObject("item_variation_data").put("sku", "X-" + i);
    }
    square.reply(200, found.toString());

    BatchResult result = square.adapter.upsertListings(connection, List.of(tee("TEE-S", "S", "16.00")));

    assertEquals(SquareAdapter.TOO_MANY_VARIATIONS, result.outcomes().get(0).code());
    assertEquals(1, square.server.getRequestCount());
  }

  private static Listing tee(String sku, String size, String price) {
    return Listing.of(sku, "Tee", new BigDecimal(price), "USD", 3).asVariant("TEE", Map.of("Size", size));
  }
}
