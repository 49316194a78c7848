package io.syncfleet.adapters.octopia;

import static io.syncfleet.adapters.octopia.OctopiaFixture.body;
import static io.syncfleet.adapters.octopia.OctopiaFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Offer packages: created, filled and submitted once, then followed up across the worker's reruns. */
class OctopiaOffersTest {
  private static final Listing MUG = new Listing("SKU-1", "Red mug", null, null, null, "3760452700039",
      Listing.Condition.NEW, new BigDecimal("9.99"), "EUR", 5, List.of(), null, Map.of(), null, Map.of());
  private static final Listing CUP = new Listing("SKU-2", "Blue cup", null, null, null, "3760452700046",
      Listing.Condition.REFURBISHED, new BigDecimal("12.50"), "EUR", 0, List.of(), null, Map.of(), null, Map.of());

  @RegisterExtension
  final OctopiaFixture octopia = new OctopiaFixture();

  @Test
  void fullOffersGoInAnUpsertPackageThatIsSubmittedOnce() {
    octopia.token("tok-1");
    octopia.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Location",
        "/seller/v2/offer-packages/PKG-1"));
    octopia.reply(200, "{\"accepted\":true}");
    octopia.enqueue(new MockResponse().setResponseCode(204));

    BatchResult result = octopia.adapter.upsertListings(octopia.connection(), List.of(MUG, CUP));

    for (ItemOutcome o : result.outcomes()) {
      assertEquals(ItemOutcome.Status.RETRY, o.status());
      assertEquals(OctopiaPackages.PENDING, o.code());
      assertEquals(Duration.ofMinutes(1), o.retryAfter());
    }
    RecordedRequest create = octopia.takeAfterToken();
    assertEquals("POST", create.getMethod());
    assertEquals("/seller/v2/offer-packages", create.getPath());
    assertEquals("Bearer tok-1", create.getHeader("Authorization"));
    assertEquals("98979", create.getHeader("SellerId"));
    assertEquals(json("{\"packageType\":\"Upsert\"}"), body(create));
    RecordedRequest upload = octopia.take();
    assertEquals("POST", upload.getMethod());
    assertEquals("/seller/v2/offer-packages/PKG-1/offer-requests", upload.getPath());
    assertEquals(json("""
        [{"sellerExternalReference":"SKU-1","product":{"gtin":"3760452700039"},"condition":"New",
          "price":{"price":9.99,"taxes":[{"code":"VAT","value":20}]},"quantity":5,"preparationTime":2,
          "deliveryModes":[{"code":"TRK","cost":4.90,"additionalCost":1.00},{"code":"REG","cost":6,"additionalCost":0}]},
         {"sellerExternalReference":"SKU-2","product":{"gtin":"3760452700046"},"condition":"Refurbished",
          "price":{"price":12.50,"taxes":[{"code":"VAT","value":20}]},"quantity":0,"preparationTime":2,
          "deliveryModes":[{"code":"TRK","cost":4.90,"additionalCost":1.00},{"code":"REG","cost":6,"additionalCost":0}]}]
        """), body(upload));
    RecordedRequest ready = octopia.take();
    assertEquals("PATCH", ready.getMethod());
    assertEquals("/seller/v2/offer-packages/PKG-1", ready.getPath());
    assertEquals(json("{\"state\":\"Ready\"}"), body(ready));
  }

  @Test
  void rerunsFollowThePackageUpAndReadEveryResultPage() {
    Connection c = octopia.connection();
    submit("PKG-7");
    octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3), StockLevel.of("SKU-2", 0),
        StockLevel.of("SKU-3", 7), StockLevel.of("SKU-4", 1)));
    octopia.takeAfterToken();
    octopia.take();
    octopia.take();

    octopia.reply(200, "{\"packageId\":\"PKG-7\",\"state\":\"IntegrationPending\"}");
    BatchResult pending = octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3),
        StockLevel.of("SKU-2", 0), StockLevel.of("SKU-3", 7), StockLevel.of("SKU-4", 1)));
    assertEquals(ItemOutcome.Status.RETRY, pending.outcomes().get(0).status());
    assertTrue(pending.outcomes().get(0).message().contains("PKG-7 is IntegrationPending"));
    RecordedRequest status = octopia.take();
    assertEquals("GET", status.getMethod());
    assertEquals("/seller/v2/offer-packages/PKG-7", status.getPath());

    octopia.reply(200, "{\"packageId\":\"PKG-7\",\"state\":\"Integrated\"}");
    octopia.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setHeader("Link", "<" + octopia.server.url("/seller/v2/offer-packages/PKG-7/offer-requests-results"
            + "?limit=100&cursor=abc") + ">; rel=\"next\"")
        .setBody("""
            {"itemsPerPage":2,"items":[
              {"sellerExternalReference":"SKU-1","integrationStatus":"Integrated",
               "results":[{"resultCode":"8000","message":"Offer updated"}]},
              {"sellerExternalReference":"SKU-2","integrationStatus":"Rejected",
               "results":[{"resultCode":"4012","message":"Offer does not exist"},
                          {"resultCode":"4013","message":"Use an Upsert package first"}]}]}"""));
    octopia.reply(200, """
        {"itemsPerPage":1,"items":[
          {"sellerExternalReference":"SKU-3","integrationStatus":"Rejected",
           "results":[{"resultCode":"QuotaExceeded","message":"Too many offer updates"}]}]}""");
    BatchResult done = octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3),
        StockLevel.of("SKU-2", 0), StockLevel.of("SKU-3", 7), StockLevel.of("SKU-4", 1)));

    assertEquals(ItemOutcome.done("SKU-1"), done.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", "4012", "Offer does not exist; Use an Upsert package first"),
        done.outcomes().get(1));
    assertEquals(ItemOutcome.throttled("SKU-3", "QuotaExceeded", "Too many offer updates", null),
        done.outcomes().get(2));
    assertEquals(ItemOutcome.Status.RETRY, done.outcomes().get(3).status());
    assertEquals("/seller/v2/offer-packages/PKG-7", octopia.take().getPath());
    assertEquals("/seller/v2/offer-packages/PKG-7/offer-requests-results?limit=100", octopia.take().getPath());
    assertEquals("/seller/v2/offer-packages/PKG-7/offer-requests-results?limit=100&cursor=abc",
        octopia.take().getPath());
  }

  @Test
  void aPackageStillPendingAfterFiveMinutesIsCheckedEveryFive() {
    Connection c = octopia.connection();
    submit("PKG-9");
    octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3)));
    octopia.clock.advance(Duration.ofMinutes(6));
    octopia.reply(200, "{\"packageId\":\"PKG-9\",\"state\":\"Ready\"}");

    ItemOutcome outcome = octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals(Duration.ofMinutes(5), outcome.retryAfter());
  }

  @Test
  void stockGoesInAnUpdatePackageOfQuantities() {
    submit("PKG-2");

    octopia.adapter.updateStock(octopia.connection(), List.of(new StockLevel("SKU-1", 3, "east")));

    assertEquals(json("{\"packageType\":\"Update\"}"), body(octopia.takeAfterToken()));
    assertEquals(json("[{\"sellerExternalReference\":\"SKU-1\",\"quantity\":3}]"), body(octopia.take()));
  }

  @Test
  void pricesGoInAnUpdatePackageWithTheirFullTaxList() {
    submit("PKG-3");

    octopia.adapter.updatePrices(octopia.connection(Map.of("sales_channel_id", "CDISFR")), List.of(
        new PriceChange("SKU-1", new BigDecimal("8.49"), "EUR", new BigDecimal("9.99"))));

    assertEquals(json("{\"packageType\":\"Update\",\"salesChannelId\":\"CDISFR\"}"), body(octopia.takeAfterToken()));
    assertEquals(json("""
        [{"sellerExternalReference":"SKU-1","price":{"price":8.49,"taxes":[{"code":"VAT","value":20}]}}]"""),
        body(octopia.take()));
  }

  @Test
  void deletesGoInADeletePackage() {
    submit("PKG-4");

    octopia.adapter.deleteListings(octopia.connection(), List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2")));

    assertEquals(json("{\"packageType\":\"Delete\"}"), body(octopia.takeAfterToken()));
    assertEquals(json("[{\"sellerExternalReference\":\"SKU-1\"},{\"sellerExternalReference\":\"SKU-2\"}]"),
        body(octopia.take()));
  }

  @Test
  void offerRequestsAreUploadedAHundredAtATime() {
    List<StockLevel> stock = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      stock.add(StockLevel.of("SKU-" + i, i));
    }
    octopia.token("tok-1");
    octopia.reply(201, "{\"packageId\":\"PKG-5\"}");
    octopia.reply(200, "{}");
    octopia.reply(200, "{}");
    octopia.reply(200, "{}");
    octopia.reply(200, "{}");

    octopia.adapter.updateStock(octopia.connection(), stock);

    octopia.takeAfterToken();
    assertEquals(100, body(octopia.take()).size());
    assertEquals(100, body(octopia.take()).size());
    RecordedRequest third = octopia.take();
    assertEquals(50, body(third).size());
    assertEquals("/seller/v2/offer-packages/PKG-5/offer-requests", third.getPath());
    assertEquals("PATCH", octopia.take().getMethod());
  }

  @Test
  void aRejectedPackageFailsEveryOfferAndTheNextRunSubmitsAgain() {
    Connection c = octopia.connection();
    submit("PKG-6");
    octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3)));
    octopia.reply(200, "{\"packageId\":\"PKG-6\",\"state\":\"Rejected\",\"rejectionReason\":\"Empty package\"}");

    ItemOutcome outcome = octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3))).outcomes().get(0);

    assertEquals(ItemOutcome.failed("SKU-1", OctopiaPackages.REJECTED,
        "Octopia rejected package PKG-6: Empty package"), outcome);
    submitWithoutToken("PKG-8");
    assertTrue(octopia.adapter.updateStock(c, List.of(StockLevel.of("SKU-1", 3))).outcomes().get(0).message()
        .contains("PKG-8"));
  }

  @Test
  void listingsWithoutTheirProductsGtinAreRefusedBeforeSending() {
    Listing noGtin = Listing.of("SKU-9", "Plate", new BigDecimal("3.00"), "EUR", 1);
    Listing dollars = new Listing("SKU-8", "Plate", null, null, null, "3760452700053", Listing.Condition.NEW,
        new BigDecimal("3.00"), "USD", 1, List.of(), null, Map.of(), null, Map.of());

    BatchResult result = octopia.adapter.upsertListings(octopia.connection(), List.of(noGtin, dollars));

    assertEquals("required", result.outcomes().get(0).code());
    assertEquals(ItemOutcome.failed("SKU-8", "mismatch", "currency: this Octopia account sells in EUR, not USD"),
        result.outcomes().get(1));
    assertEquals(0, octopia.server.getRequestCount());
  }

  @Test
  void fullOffersNeedTheConnectionsOfferTerms() {
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.upsertListings(octopia.connection(Map.of("delivery_modes", "TRK")), List.of(MUG)));

    assertEquals("missing_setting", e.code());
    assertTrue(e.getMessage().contains("delivery_modes"));
    AuthenticationFailure vat = assertThrows(AuthenticationFailure.class,
        () -> octopia.adapter.updatePrices(octopia.connection(Map.of("vat_rate", "")),
            List.of(PriceChange.of("SKU-1", BigDecimal.ONE, "EUR"))));
    assertTrue(vat.getMessage().contains("vat_rate"));
  }

  private void submit(String packageId) {
    octopia.token("tok-1");
    submitWithoutToken(packageId);
  }

  private void submitWithoutToken(String packageId) {
    octopia.reply(201, "{\"packageId\":\"" + packageId + "\"}");
    octopia.reply(200, "{}");
    octopia.enqueue(new MockResponse().setResponseCode(204));
  }
}
