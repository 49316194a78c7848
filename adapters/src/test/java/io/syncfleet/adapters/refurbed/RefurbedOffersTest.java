package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upserts update offers by SKU and create, in a second call, the ones refurbed does not have. */
class RefurbedOffersTest {
  @RegisterExtension
  final RefurbedFixture rf = new RefurbedFixture();
  private final Connection connection = rf.connection();

  @Test
  void updatesBySkuThenCreatesTheOffersRefurbedDoesNotHave() {
    rf.reply(200, """
        {"results":[{"offer":{"id":"11","sku":"IPH-1"}},
                    {"status":{"code":5,"message":"offer not found"}},
                    {"status":{"code":5,"message":"offer not found"}}]}""");
    rf.reply(200, "{\"results\":[{\"offer\":{\"id\":\"12\",\"sku\":\"IPH-2\",\"state\":\"UNVERIFIED\"}},"
        + "{\"status\":{\"code\":3,\"message\":\"unknown instance\"}}]}");

    BatchResult result = rf.adapter.upsertListings(connection, List.of(
        phone("IPH-1", "0194252035671", "A"), phone("IPH-2", "0194252035688", "B"),
        phone("IPH-3", null, "C")));

    assertEquals(RefurbedFixture.json("""
        {"offers":[
          {"identifier":{"sku":"IPH-1"},"grading":"A","warranty":"M12","stock":3,"reference_price":"199.90",
           "reference_currency_code":"EUR","shipping_profile_id":"sp-1"},
          {"identifier":{"sku":"IPH-2"},"grading":"B","warranty":"M12","stock":3,"reference_price":"199.90",
           "reference_currency_code":"EUR","shipping_profile_id":"sp-1"},
          {"identifier":{"sku":"IPH-3"},"grading":"C","warranty":"M12","stock":3,"reference_price":"199.90",
           "reference_currency_code":"EUR","shipping_profile_id":"sp-1"}]}"""),
        rf.take("OfferService/BatchUpdateOffers"));
    assertEquals(RefurbedFixture.json("""
        {"offers":[
          {"gtin":"0194252035688","sku":"IPH-2","grading":"B","warranty":"M12","stock":3,
           "reference_price":"199.90","reference_currency_code":"EUR","shipping_profile_id":"sp-1"},
          {"instance_id":"inst-3","sku":"IPH-3","grading":"C","warranty":"M12","stock":3,
           "reference_price":"199.90","reference_currency_code":"EUR","shipping_profile_id":"sp-1"}]}"""),
        rf.take("OfferService/BatchCreateOffers"));
    assertEquals(List.of(ItemOutcome.done("IPH-1"), ItemOutcome.done("IPH-2"),
        ItemOutcome.failed("IPH-3", "INVALID_ARGUMENT", "unknown instance")), result.outcomes());
  }

  @Test
  void aRefusedUpdateFailsThatOfferWithRefurbedsCodeAndMessage() {
    rf.reply(200, "{\"results\":[{\"status\":{\"code\":3,\"message\":\"reference_price: must be at least 10\"}},"
        + "{\"status\":{\"code\":14,\"message\":\"try again\"}},{\"status\":{\"code\":8,\"message\":\"quota\"}}]}");

    BatchResult result = rf.adapter.upsertListings(connection, List.of(phone("A", "0194252035671", "A"),
        phone("B", "0194252035671", "A"), phone("C", "0194252035671", "A")));

    assertEquals(List.of(ItemOutcome.failed("A", "INVALID_ARGUMENT", "reference_price: must be at least 10"),
        ItemOutcome.retry("B", "UNAVAILABLE", "try again", null),
        ItemOutcome.throttled("C", "RESOURCE_EXHAUSTED", "quota", null)), result.outcomes());
    assertEquals(1, rf.server.getRequestCount());
  }

  @Test
  void invalidListingsAreNotSentAndAWarrantyAndTaxationGoWithTheOthers() {
    rf.reply(200, "{\"results\":[{\"offer\":{\"id\":\"11\"}}]}");
    Listing twoYears = new Listing("IPH-1", null, null, null, null, "0194252035671", Listing.Condition.USED_GOOD,
        new BigDecimal("5"), "eur", 0, List.of(), null, Map.of("warranty_months", List.of("24")), null, Map.of());
    Connection marginal = rf.connection(Map.of("taxation", "marginal"),
        Secrets.of(Map.of("token", RefurbedFixture.TOKEN)));

    BatchResult result = rf.adapter.upsertListings(marginal, List.of(twoYears,
        Listing.of("MUG", "Mug", new BigDecimal("1.005"), "EUR", 1)));

    assertEquals(RefurbedFixture.json("""
        {"offers":[{"identifier":{"sku":"IPH-1"},"grading":"B","warranty":"M24","stock":0,"reference_price":"5.00",
                    "reference_currency_code":"EUR","taxation":"MARGINAL"}]}"""),
        rf.take("OfferService/BatchUpdateOffers"));
    assertEquals(ItemOutcome.done("IPH-1"), result.outcomes().get(0));
    assertEquals(RefurbedAdapter.INVALID_LISTING, result.outcomes().get(1).code());
    assertEquals("gtin: refurbed finds the product by GTIN or by its instance id (attribute instance_id); give one; "
        + "price: refurbed takes at most 2 decimals, got 1.005; condition: refurbed grades offers A, B or C: set "
        + "attribute grading, or use condition USED_EXCELLENT, USED_GOOD or USED_ACCEPTABLE",
        result.outcomes().get(1).message());
  }

  @Test
  void withoutAShippingProfileNewOffersFailWithoutACreateCall() {
    rf.reply(200, "{\"results\":[{\"status\":{\"code\":5,\"message\":\"offer not found\"}}]}");
    Connection noProfile = rf.connection(Map.of(), Secrets.of(Map.of("token", RefurbedFixture.TOKEN)));

    BatchResult result = rf.adapter.upsertListings(noProfile, List.of(phone("IPH-1", "0194252035671", "A")));

    assertEquals(RefurbedAdapter.MISSING_SHIPPING_PROFILE, result.outcomes().get(0).code());
    assertEquals(1, rf.server.getRequestCount());
  }

  @Test
  void anOfferCreatedMeanwhileIsRetriedSoTheNextAttemptUpdatesIt() {
    rf.reply(200, "{\"results\":[{\"status\":{\"code\":5,\"message\":\"offer not found\"}}]}");
    rf.reply(200, "{\"results\":[{\"status\":{\"code\":6,\"message\":\"sku already exists\"}}]}");

    BatchResult result = rf.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "A")));

    assertEquals(List.of(ItemOutcome.retry("IPH-1", "ALREADY_EXISTS", "sku already exists", null)), result.outcomes());
  }

  @Test
  void aThrottledCreateAfterDoneUpdatesComesBackThrottledUntilTheWindowResets() {
    rf.reply(200, "{\"results\":[{\"offer\":{\"id\":\"11\"}},{\"status\":{\"code\":5,\"message\":\"not found\"}}]}");
    rf.enqueue(new MockResponse().setResponseCode(429).setHeader("X-RateLimit-Limit", "100")
        .setHeader("X-RateLimit-Remaining", "0")
        .setHeader("X-RateLimit-Reset", String.valueOf(RefurbedFixture.NOW.getEpochSecond() + 42))
        .setBody("{\"code\":8,\"message\":\"rate limit exceeded\"}"));

    BatchResult result = rf.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "A"),
        phone("IPH-2", "0194252035688", "A")));

    assertEquals(List.of(ItemOutcome.done("IPH-1"),
        ItemOutcome.throttled("IPH-2", "RESOURCE_EXHAUSTED", "rate limit exceeded", Duration.ofSeconds(42))),
        result.outcomes());
  }

  @Test
  void aThrottledFirstCallThrowsSoTheWorkerBacksOff() {
    rf.enqueue(new MockResponse().setResponseCode(429).setBody("{\"code\":8,\"message\":\"rate limit exceeded\"}"));

    assertThrows(RateLimitedFailure.class,
        () -> rf.adapter.upsertListings(connection, List.of(phone("IPH-1", "0194252035671", "A"))));
  }

  static Listing phone(String sku, String gtin, String grading) {
    Map<String, List<String>> attributes = gtin == null
        ? Map.of("grading", List.of(grading), "instance_id", List.of("inst-3"))
        : Map.of("grading", List.of(grading));
    return new Listing(sku, "iPhone 13", null, "Apple", null, gtin, Listing.Condition.REFURBISHED,
        new BigDecimal("199.9"), "EUR", 3, List.of(), null, attributes, null, Map.of());
  }
}
