package io.syncfleet.adapters.ebay;

import static io.syncfleet.adapters.ebay.EbayFixture.body;
import static io.syncfleet.adapters.ebay.EbayFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EbayUpsertTest {
  private static final Listing MUG = new Listing("SKU-1", "Red mug", "A red mug", "Acme", "M-1",
      "012345678905", Listing.Condition.NEW, new BigDecimal("9.99"), "USD", 5,
      List.of("https://img.example/1.jpg"), null, Map.of("Color", List.of("Red")), null, Map.of());
  private static final Listing CUP = listing("SKU-2", "Blue cup", "12.50", 3);
  private static final Listing BOWL = listing("SKU-3", "Green bowl", "4.00", 1);
  private static final String PUBLISHED_OFFER =
      "{\"offers\":[{\"offerId\":\"O-2\",\"sku\":\"SKU-2\",\"format\":\"FIXED_PRICE\",\"status\":\"PUBLISHED\"}]}";
  private static final String NO_OFFER =
      "{\"errors\":[{\"errorId\":25713,\"message\":\"This Offer is not available.\"}]}";

  @RegisterExtension
  final EbayFixture ebay = new EbayFixture();
  private final Connection connection = ebay.connection();

  @Test
  void storesItemsInBulkThenCreatesPublishesOrUpdatesTheirOffers() {
    ebay.token("tok-1");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\",\"locale\":\"en_US\"},"
        + "{\"statusCode\":200,\"sku\":\"SKU-2\",\"locale\":\"en_US\"}]}");
    ebay.reply(404, NO_OFFER);
    ebay.reply(201, "{\"offerId\":\"O-1\"}");
    ebay.reply(200, "{\"listingId\":\"L-1\"}");
    ebay.reply(200, PUBLISHED_OFFER);
    ebay.reply(204);

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(MUG, CUP));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());

    RecordedRequest bulk = ebay.takeAfterToken();
    assertEquals("POST", bulk.getMethod());
    assertEquals("/sell/inventory/v1/bulk_create_or_replace_inventory_item", bulk.getPath());
    assertEquals("Bearer tok-1", bulk.getHeader("Authorization"));
    assertEquals("en-US", bulk.getHeader("Content-Language"));
    assertTrue(bulk.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(json("""
        {"requests":[
          {"sku":"SKU-1","locale":"en_US",
           "product":{"title":"Red mug","description":"A red mug","aspects":{"Color":["Red"]},
                      "brand":"Acme","mpn":"M-1","upc":["012345678905"],
                      "imageUrls":["https://img.example/1.jpg"]},
           "condition":"NEW","availability":{"shipToLocationAvailability":{"quantity":5}}},
          {"sku":"SKU-2","locale":"en_US",
           "product":{"title":"Blue cup","imageUrls":["https://img.example/SKU-2.jpg"]},
           "condition":"NEW","availability":{"shipToLocationAvailability":{"quantity":3}}}]}
        """), body(bulk));

    RecordedRequest find = ebay.take();
    assertEquals("GET", find.getMethod());
    assertEquals("/sell/inventory/v1/offer?sku=SKU-1&marketplace_id=EBAY_US", find.getPath());
    assertEquals("Bearer tok-1", find.getHeader("Authorization"));

    RecordedRequest create = ebay.take();
    assertEquals("POST", create.getMethod());
    assertEquals("/sell/inventory/v1/offer", create.getPath());
    assertEquals("en-US", create.getHeader("Content-Language"));
    assertEquals(json("""
        {"sku":"SKU-1","marketplaceId":"EBAY_US","format":"FIXED_PRICE","availableQuantity":5,
         "categoryId":"9355","listingDescription":"A red mug",
         "listingPolicies":{"fulfillmentPolicyId":"fp-1","paymentPolicyId":"pp-1","returnPolicyId":"rp-1"},
         "pricingSummary":{"price":{"value":"9.99","currency":"USD"}},"merchantLocationKey":"wh-1"}
        """), body(create));

    RecordedRequest publish = ebay.take();
    assertEquals("POST", publish.getMethod());
    assertEquals("/sell/inventory/v1/offer/O-1/publish", publish.getPath());

    assertEquals("/sell/inventory/v1/offer?sku=SKU-2&marketplace_id=EBAY_US", ebay.take().getPath());
    RecordedRequest update = ebay.take();
    assertEquals("PUT", update.getMethod());
    assertEquals("/sell/inventory/v1/offer/O-2", update.getPath());
    assertEquals(json("""
        {"availableQuantity":3,"categoryId":"9355",
         "listingPolicies":{"fulfillmentPolicyId":"fp-1","paymentPolicyId":"pp-1","returnPolicyId":"rp-1"},
         "pricingSummary":{"price":{"value":"12.50","currency":"USD"}},"merchantLocationKey":"wh-1"}
        """), body(update));
    assertEquals(7, ebay.server.getRequestCount(), "a published offer is not published again");
  }

  @Test
  void anExistingUnpublishedOfferIsUpdatedThenPublished() {
    ebay.token("tok-1");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-2\"}]}");
    ebay.reply(200, PUBLISHED_OFFER.replace("\"PUBLISHED\"", "\"UNPUBLISHED\""));
    ebay.reply(204);
    ebay.reply(200, "{\"listingId\":\"L-2\"}");

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(CUP));

    assertEquals(List.of(ItemOutcome.done("SKU-2")), result.outcomes());
    ebay.takeAfterToken();
    ebay.take();
    assertEquals("PUT /sell/inventory/v1/offer/O-2", line(ebay.take()));
    assertEquals("POST /sell/inventory/v1/offer/O-2/publish", line(ebay.take()));
  }

  @Test
  void perItemErrorsInTheBulkAnswerCarryEbaysCodeAndMessage() {
    ebay.token("tok-1");
    ebay.reply(207, """
        {"responses":[
          {"statusCode":200,"sku":"SKU-1"},
          {"statusCode":400,"sku":"SKU-2","errors":[{"errorId":25604,"domain":"API_INVENTORY",
            "category":"REQUEST","message":"Input error. The brand is missing.","longMessage":"long"}]},
          {"statusCode":500,"sku":"SKU-3","errors":[{"errorId":25001,"message":"A system error has occurred."}]}]}
        """);
    ebay.reply(200, PUBLISHED_OFFER.replace("O-2", "O-1").replace("SKU-2", "SKU-1"));
    ebay.reply(204);

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(MUG, CUP, BOWL));

    assertEquals(List.of(
        ItemOutcome.done("SKU-1"),
        ItemOutcome.failed("SKU-2", "25604", "Input error. The brand is missing."),
        ItemOutcome.retry("SKU-3", "25001", "A system error has occurred.", null)), result.outcomes());
    assertEquals(4, ebay.server.getRequestCount(), "only the stored item goes on to its offer");
  }

  @Test
  void aBulkAnswerWhereEveryItemFailedIsReadPerItem() {
    ebay.token("tok-1");
    ebay.reply(400, """
        {"responses":[{"statusCode":400,"sku":"SKU-2","errors":[{"errorId":25002,"message":"bad condition"}]},
                      {"statusCode":400,"sku":"SKU-3","errors":[{"errorId":25002,"message":"bad aspects"}]}]}
        """);

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(CUP, BOWL));

    assertEquals(List.of(ItemOutcome.failed("SKU-2", "25002", "bad condition"),
        ItemOutcome.failed("SKU-3", "25002", "bad aspects")), result.outcomes());
  }

  @Test
  void aFailedOfferStepFailsOnlyItsItem() {
    ebay.token("tok-1");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\"},{\"statusCode\":200,\"sku\":\"SKU-2\"}]}");
    ebay.reply(404, NO_OFFER);
    ebay.reply(201, "{\"offerId\":\"O-1\"}");
    ebay.reply(400, "{\"errors\":[{\"errorId\":25007,\"message\":\"Please add a valid fulfillment policy.\"}]}");
    ebay.reply(200, PUBLISHED_OFFER);
    ebay.reply(503, "{\"errors\":[{\"errorId\":25001,\"message\":\"A system error has occurred.\"}]}");

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(MUG, CUP));

    assertEquals(List.of(
        ItemOutcome.failed("SKU-1", "25007", "Please add a valid fulfillment policy."),
        ItemOutcome.retry("SKU-2", "25001", "A system error has occurred.", null)), result.outcomes());
  }

  @Test
  void aThrottledOfferStepSendsThatItemAndTheRestBackWithEbaysWait() {
    ebay.token("tok-1");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\"},{\"statusCode\":200,\"sku\":\"SKU-2\"},"
        + "{\"statusCode\":200,\"sku\":\"SKU-3\"}]}");
    ebay.reply(200, PUBLISHED_OFFER.replace("O-2", "O-1").replace("SKU-2", "SKU-1"));
    ebay.reply(204);
    ebay.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
        .setBody("{\"errors\":[{\"errorId\":2001,\"message\":\"Too many requests.\"}]}"));

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(MUG, CUP, BOWL));

    assertEquals(List.of(
        ItemOutcome.done("SKU-1"),
        ItemOutcome.throttled("SKU-2", "2001", "Too many requests.", Duration.ofSeconds(7)),
        ItemOutcome.throttled("SKU-3", "2001", "Too many requests.", Duration.ofSeconds(7))), result.outcomes());
    assertEquals(5, ebay.server.getRequestCount(), "no call after the throttle");
  }

  @Test
  void listingsBreakingEbaysRulesAreNotSent() {
    Listing tooLong = listing("SKU-9", "x".repeat(81), "1.00", 1);
    ebay.token("tok-1");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-2\"}]}");
    ebay.reply(200, PUBLISHED_OFFER);
    ebay.reply(204);

    BatchResult result = ebay.adapter.upsertListings(connection, List.of(tooLong, CUP));

    ItemOutcome refused = result.outcomes().get(0);
    assertEquals(Status.FAILED, refused.status());
    assertEquals("max_length", refused.code());
    assertTrue(refused.message().contains("title must be at most 80"), refused.message());
    assertEquals(Status.DONE, result.outcomes().get(1).status());
    assertEquals(1, body(ebay.takeAfterToken()).path("requests").size());
  }

  @Test
  void aBatchWithNothingValidMakesNoCall() {
    BatchResult result = ebay.adapter.upsertListings(connection,
        List.of(listing("SKU-9", "", "1.00", 1)));

    assertEquals(Status.FAILED, result.outcomes().get(0).status());
    assertEquals(0, ebay.server.getRequestCount());
  }

  @Test
  void aWholeRequestRejectedIsAPermanentFailureWithEbaysCode() {
    ebay.token("tok-1");
    ebay.reply(400, "{\"errors\":[{\"errorId\":25709,\"message\":\"Invalid value for header Content-Language.\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> ebay.adapter.upsertListings(connection, List.of(CUP)));

    assertEquals("25709", e.code());
    assertEquals(400, e.httpStatus());
    assertEquals("Invalid value for header Content-Language.", e.getMessage());
  }

  private static Listing listing(String sku, String title, String price, int quantity) {
    return Listing.of(sku, title, new BigDecimal(price), "USD", quantity)
        .withImages(List.of("https://img.example/" + sku + ".jpg"));
  }

  private static String line(RecordedRequest r) {
    return r.getMethod() + " " + r.getPath();
  }
}
