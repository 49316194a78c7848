package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Small upserts: one Listings Items PUT per listing, each read on its own. */
class AmazonListingsTest {
  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();
  private final Connection connection = amazon.connection();

  @Test
  void putsTheWholeListingUnderTheEncodedSku() {
    amazon.token("tok-1");
    amazon.accepted("MUG 1/RED");

    BatchResult result = amazon.adapter.upsertListings(connection, List.of(AmazonFixture.listing("MUG 1/RED")));

    assertEquals(List.of(ItemOutcome.done("MUG 1/RED")), result.outcomes());
    RecordedRequest put = amazon.takeAfterToken();
    assertEquals("PUT", put.getMethod());
    assertEquals("/listings/2021-08-01/items/A1SELLER/MUG%201%2FRED?marketplaceIds=A1PA6795UKMFR9", put.getPath());
    assertEquals("tok-1", put.getHeader("x-amz-access-token"));
    assertEquals(AmazonFixture.json("""
        {"productType":"HOME","requirements":"LISTING","attributes":{
          "item_name":[{"value":"Mug MUG 1/RED","language_tag":"de_DE","marketplace_id":"A1PA6795UKMFR9"}],
          "brand":[{"value":"Acme","language_tag":"de_DE","marketplace_id":"A1PA6795UKMFR9"}],
          "product_description":[{"value":"A red mug","language_tag":"de_DE","marketplace_id":"A1PA6795UKMFR9"}],
          "part_number":[{"value":"MPN-1","marketplace_id":"A1PA6795UKMFR9"}],
          "externally_assigned_product_identifier":[
            {"type":"ean","value":"4006381333931","marketplace_id":"A1PA6795UKMFR9"}],
          "main_product_image_locator":[
            {"media_location":"https://img.example.com/MUG 1/RED.jpg","marketplace_id":"A1PA6795UKMFR9"}],
          "condition_type":[{"value":"new_new","marketplace_id":"A1PA6795UKMFR9"}],
          "purchasable_offer":[{"marketplace_id":"A1PA6795UKMFR9","currency":"EUR","audience":"ALL",
            "our_price":[{"schedule":[{"value_with_tax":12.50}]}]}],
          "fulfillment_availability":[{"fulfillment_channel_code":"DEFAULT","quantity":7}]}}
        """), AmazonFixture.body(put));
  }

  @Test
  void anOfferOnAnExistingAsinSendsOnlyTheOfferWithTheGenericProductType() {
    Listing offer = new Listing("SKU-A", "Mug", null, null, null, null, Listing.Condition.USED_GOOD,
        new BigDecimal("5"), "EUR", 1, List.of(), null, Map.of("merchant_suggested_asin", List.of("B000000001")),
        null, Map.of());
    amazon.token("tok-1");
    amazon.accepted("SKU-A");

    BatchResult result = amazon.adapter.upsertListings(connection, List.of(offer));

    assertEquals(List.of(ItemOutcome.done("SKU-A")), result.outcomes());

    JsonNode body = AmazonFixture.body(amazon.takeAfterToken());
    assertEquals("PRODUCT", body.get("productType").asText());
    assertEquals("LISTING_OFFER_ONLY", body.get("requirements").asText());
    assertEquals(AmazonFixture.json("[{\"value\":\"B000000001\",\"marketplace_id\":\"A1PA6795UKMFR9\"}]"),
        body.path("attributes").get("merchant_suggested_asin"));
    assertEquals("used_good", body.path("attributes").path("condition_type").get(0).get("value").asText());
    assertNull(body.path("attributes").get("item_name"), "product facts belong to the ASIN");
  }

  @Test
  void aVariantNamesItsParentAndCarriesItsOptionsAndOwnAttributes() {
    Listing variant = AmazonFixture.listing("MUG-M").asVariant("MUG", Map.of("Size", "M", "Color", "Red"));
    variant = new Listing(variant.sku(), variant.title(), variant.description(), variant.brand(), variant.mpn(),
        variant.gtin(), variant.condition(), variant.price(), variant.currency(), variant.quantity(),
        variant.imageUrls(), variant.categoryId(), Map.of("Material Type", List.of("Ceramic"),
            "item_package_quantity", List.of("{\"value\":2}")), variant.group(), variant.options());
    amazon.token("tok-1");
    amazon.accepted("MUG-M");

    amazon.adapter.upsertListings(connection, List.of(variant));

    JsonNode a = AmazonFixture.body(amazon.takeAfterToken()).path("attributes");
    assertEquals(json("{\"value\":\"child\",\"marketplace_id\":\"A1PA6795UKMFR9\"}"), a.get("parentage_level"));
    assertEquals(AmazonFixture.json("[{\"child_relationship_type\":\"variation\",\"parent_sku\":\"MUG\","
        + "\"marketplace_id\":\"A1PA6795UKMFR9\"}]"), a.get("child_parent_sku_relationship"));
    assertEquals("COLOR/SIZE", a.path("variation_theme").get(0).get("name").asText());
    assertEquals(json("{\"value\":\"M\",\"language_tag\":\"de_DE\",\"marketplace_id\":\"A1PA6795UKMFR9\"}"),
        a.get("size"));
    assertEquals("Red", a.path("color").get(0).get("value").asText());
    assertEquals(json("{\"value\":\"Ceramic\",\"marketplace_id\":\"A1PA6795UKMFR9\"}"), a.get("material_type"));
    assertEquals(json("{\"value\":2,\"marketplace_id\":\"A1PA6795UKMFR9\"}"), a.get("item_package_quantity"));
  }

  @Test
  void anInvalidSubmissionFailsWithAmazonsErrorsAndKeepsGoing() {
    amazon.token("tok-1");
    amazon.reply(200, """
        {"sku":"SKU-1","status":"INVALID","submissionId":"s-1","issues":[
          {"code":"90220","message":"'batteries_required' is required but not supplied.","severity":"ERROR",
           "attributeNames":["batteries_required"],"categories":["MISSING_ATTRIBUTE"]},
          {"code":"18448","message":"Attributes are incomplete.","severity":"WARNING","categories":[]},
          {"code":"99022","message":"Price has too few values.","severity":"ERROR","categories":["MISSING_PRICE"]}]}
        """);
    amazon.reply(200, """
        {"sku":"SKU-2","status":"ACCEPTED","submissionId":"s-2","issues":[
          {"code":"18448","message":"Attributes are incomplete.","severity":"WARNING","categories":[]}]}
        """);

    BatchResult result = amazon.adapter.upsertListings(connection,
        List.of(AmazonFixture.listing("SKU-1"), AmazonFixture.listing("SKU-2")));

    assertEquals(List.of(
        ItemOutcome.failed("SKU-1", "90220", "90220: 'batteries_required' is required but not supplied. "
            + "[batteries_required]; 99022: Price has too few values."),
        ItemOutcome.done("SKU-2")), result.outcomes());
  }

  @Test
  void aRefusedRequestFailsThatItemWithAmazonsCode() {
    amazon.token("tok-1");
    amazon.reply(400, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Request has missing or invalid "
        + "parameters and cannot be parsed.\",\"details\":\"productType\"}]}");
    amazon.accepted("SKU-2");

    BatchResult result = amazon.adapter.upsertListings(connection,
        List.of(AmazonFixture.listing("SKU-1"), AmazonFixture.listing("SKU-2")));

    assertEquals(List.of(
        ItemOutcome.failed("SKU-1", "InvalidInput", "Request has missing or invalid parameters and cannot be parsed. "
            + "(productType)"),
        ItemOutcome.done("SKU-2")), result.outcomes());
  }

  @Test
  void aThrottleStopsTheBatchAndTheRestWaitAsAmazonsRateSays() {
    amazon.token("tok-1");
    amazon.accepted("SKU-1");
    amazon.throttled("5.0");

    BatchResult result = amazon.adapter.upsertListings(connection,
        List.of(AmazonFixture.listing("SKU-1"), AmazonFixture.listing("SKU-2"), AmazonFixture.listing("SKU-3")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    for (ItemOutcome o : result.outcomes().subList(1, 3)) {
      assertEquals(ItemOutcome.Status.THROTTLED, o.status());
      assertEquals("QuotaExceeded", o.code());
      assertEquals(Duration.ofMillis(200), o.retryAfter());
    }
    assertEquals(3, amazon.server.getRequestCount(), "no call after the throttle");
  }

  @Test
  void aPassingFaultRetriesThatItemOnly() {
    amazon.token("tok-1");
    amazon.reply(503, "{\"errors\":[{\"code\":\"ServiceUnavailable\",\"message\":\"Service is unavailable.\"}]}");
    amazon.accepted("SKU-2");

    BatchResult result = amazon.adapter.upsertListings(connection,
        List.of(AmazonFixture.listing("SKU-1"), AmazonFixture.listing("SKU-2")));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
    assertEquals("ServiceUnavailable", result.outcomes().get(0).code());
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
  }

  @Test
  void listingsBreakingTheRulesOrWithoutProductTypeAreNotSent() {
    Listing noType = new Listing("SKU-2", "Mug", null, "Acme", null, "4006381333931", Listing.Condition.NEW,
        new BigDecimal("3"), "EUR", 1, List.of("https://img.example.com/a.jpg"), null, Map.of(), null, Map.of());
    Listing noBrand = AmazonFixture.listing("SKU-3").withDetails("d", null, "HOME");
    amazon.token("tok-1");
    amazon.accepted("SKU-1");

    BatchResult result = amazon.adapter.upsertListings(connection,
        List.of(AmazonFixture.listing("SKU-1"), noType, noBrand));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals("required", result.outcomes().get(1).code());
    assertEquals("categoryId: an Amazon product type is required: set the listing's categoryId or the connection's "
        + "product_type setting", result.outcomes().get(1).message());
    assertEquals(ItemOutcome.failed("SKU-3", "required", "brand: brand is required"), result.outcomes().get(2));
    assertEquals(2, amazon.server.getRequestCount());
  }

  @Test
  void theConnectionsProductTypeIsTheDefault() {
    Listing noType = AmazonFixture.listing("SKU-1").withDetails("d", "Acme", null);
    Connection typed = amazon.connection(connection.secrets(), Map.of("product_type", "KITCHEN"));
    amazon.token("tok-1");
    amazon.accepted("SKU-1");

    amazon.adapter.upsertListings(typed, List.of(noType));

    assertEquals("KITCHEN", AmazonFixture.body(amazon.takeAfterToken()).get("productType").asText());
  }

  @Test
  void aBatchOverTheLimitIsRefusedBeforeAnyCall() {
    List<Listing> many = new ArrayList<>();
    for (int i = 0; i <= AmazonApi.UPSERT_BATCH; i++) {
      many.add(AmazonFixture.listing("SKU-" + i));
    }

    PermanentFailure e = assertThrows(PermanentFailure.class, () -> amazon.adapter.upsertListings(connection, many));

    assertEquals("batch_too_large", e.code());
    assertEquals(0, amazon.server.getRequestCount());
  }

  @Test
  void aConnectionWithoutSellerIdIsPausedNotBuried() {
    Connection incomplete = amazon.connection(Secrets.of(Map.of()), Map.of("seller_id", ""));

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> amazon.adapter.upsertListings(incomplete, List.of(AmazonFixture.listing("SKU-1"))));

    assertEquals("missing_setting", e.code());
    assertEquals(0, amazon.server.getRequestCount());
  }

  /** A one-element attribute array holding {@code object}. */
  private static JsonNode json(String object) {
    return AmazonFixture.json("[" + object + "]");
  }
}
