package io.syncfleet.adapters.mirakl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listings as complete offers in NORMAL imports, followed up across the worker's reruns. */
class MiraklUpsertTest {
  private static final Listing MUG = Listing.of("SKU-1", "Red mug", new BigDecimal("9.99"), "EUR", 5);
  private static final Listing CUP = new Listing("SKU-2", "Blue cup", null, null, "M-2", "4006381333931",
      Listing.Condition.REFURBISHED, new BigDecimal("12.50"), "EUR", 0, List.of(), null, Map.of(), null, Map.of());
  private static final String OFFERS_HEADER = "\"sku\";\"product-id\";\"product-id-type\";\"description\";"
      + "\"price\";\"discount-price\";\"quantity\";\"state\";\"leadtime-to-ship\";\"logistic-class\";"
      + "\"update-delete\"\n";

  @RegisterExtension
  final MiraklFixture mirakl = new MiraklFixture();

  @Test
  void uploadsCompleteOffersAsANormalImportWithTheRawKey() {
    mirakl.accepted(4711);

    BatchResult result = mirakl.adapter.upsertListings(mirakl.connection(), List.of(MUG, CUP));

    for (ItemOutcome o : result.outcomes()) {
      assertEquals(ItemOutcome.Status.RETRY, o.status());
      assertEquals(MiraklImports.PENDING, o.code());
      assertEquals(Duration.ofMinutes(1), o.retryAfter());
    }
    assertEquals(List.of("SKU-1", "SKU-2"), result.outcomes().stream().map(ItemOutcome::sku).toList());
    RecordedRequest upload = mirakl.take();
    assertEquals("POST", upload.getMethod());
    assertEquals("/api/offers/imports?shop_id=2001", upload.getPath());
    assertEquals(MiraklFixture.API_KEY, upload.getHeader("Authorization"));
    assertTrue(upload.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
    Map<String, MiraklFixture.Part> parts = MiraklFixture.parts(upload);
    assertEquals(List.of("file", "import_mode", "with_products"), List.copyOf(parts.keySet()));
    assertEquals("NORMAL", parts.get("import_mode").text());
    assertEquals("false", parts.get("with_products").text());
    MiraklFixture.Part file = parts.get("file");
    assertTrue(file.fileName().matches("syncfleet-[0-9a-f]{16}\\.csv"), file.fileName());
    assertEquals("text/csv; charset=utf-8", file.contentType());
    assertEquals(OFFERS_HEADER
        + "\"SKU-1\";\"SKU-1\";\"SHOP_SKU\";\"\";\"9.99\";\"\";\"5\";\"11\";\"\";\"\";\"update\"\n"
        + "\"SKU-2\";\"SKU-2\";\"SHOP_SKU\";\"\";\"12.50\";\"\";\"0\";\"10\";\"\";\"\";\"update\"\n", file.text());
    mirakl.noMoreRequests();
  }

  @Test
  void rerunsFollowTheSameImportUpThenReadItsErrorReport() {
    Connection c = mirakl.connection();
    mirakl.accepted(4711);
    mirakl.adapter.upsertListings(c, List.of(MUG, CUP));
    mirakl.take();

    mirakl.clock.advance(Duration.ofMinutes(1));
    mirakl.status(4711, "RUNNING", 0);
    BatchResult running = mirakl.adapter.upsertListings(c, List.of(MUG, CUP));

    assertEquals(ItemOutcome.Status.RETRY, running.outcomes().get(0).status());
    assertTrue(running.outcomes().get(0).message().contains("import 4711 is RUNNING"));
    RecordedRequest check = mirakl.take();
    assertEquals("GET", check.getMethod());
    assertEquals("/api/offers/imports/4711?shop_id=2001", check.getPath());
    assertEquals(MiraklFixture.API_KEY, check.getHeader("Authorization"));

    mirakl.clock.advance(Duration.ofMinutes(1));
    mirakl.status(4711, "COMPLETE", 1);
    mirakl.report(OFFERS_HEADER.replace("\n", ";\"error-message\"\n")
        + "\"SKU-2\";\"SKU-2\";\"SHOP_SKU\";\"\";\"12.50\";\"\";\"0\";\"10\";\"\";\"\";\"update\";"
        + "\"The product SKU-2 does not exist; create it first\"\n");
    BatchResult complete = mirakl.adapter.upsertListings(c, List.of(MUG, CUP));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.failed("SKU-2", MiraklImports.LINE_ERROR,
        "The product SKU-2 does not exist; create it first")), complete.outcomes());
    assertEquals("/api/offers/imports/4711?shop_id=2001", mirakl.take().getPath());
    RecordedRequest report = mirakl.take();
    assertEquals("/api/offers/imports/4711/error_report?shop_id=2001", report.getPath());

    // The import's outcome is known: running the batch again sends it again.
    mirakl.accepted(4712);
    mirakl.adapter.upsertListings(c, List.of(MUG, CUP));
    assertEquals("/api/offers/imports?shop_id=2001", mirakl.take().getPath());
  }

  @Test
  void aCompleteImportWithoutErrorsIsDoneWithoutReadingAReport() {
    Connection c = mirakl.connection();
    mirakl.accepted(1);
    mirakl.adapter.upsertListings(c, List.of(MUG));
    mirakl.status(1, "COMPLETE", 0);

    BatchResult result = mirakl.adapter.upsertListings(c, List.of(MUG));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    mirakl.take();
    mirakl.take();
    mirakl.noMoreRequests();
  }

  @Test
  void anErrorReportCodeColumnIsKeptAsTheCode() {
    Connection c = mirakl.connection();
    mirakl.accepted(1);
    mirakl.adapter.upsertListings(c, List.of(MUG));
    mirakl.status(1, "COMPLETE", 1);
    mirakl.report("\"sku\";\"error-code\";\"error-message\"\r\n\"SKU-1\";\"OF-4001\";\"Price is too low\"\r\n");

    ItemOutcome outcome = mirakl.adapter.upsertListings(c, List.of(MUG)).outcomes().get(0);

    assertEquals(ItemOutcome.failed("SKU-1", "OF-4001", "Price is too low"), outcome);
  }

  @Test
  void anImportStillQueuedAfterFiveMinutesIsCheckedEveryFive() {
    Connection c = mirakl.connection();
    mirakl.accepted(1);
    mirakl.adapter.upsertListings(c, List.of(MUG));
    mirakl.clock.advance(Duration.ofMinutes(6));
    mirakl.status(1, "WAITING", 0);

    ItemOutcome outcome = mirakl.adapter.upsertListings(c, List.of(MUG)).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals(Duration.ofMinutes(5), outcome.retryAfter());
  }

  @Test
  void aFailedImportFailsEveryItemWithMiraklsReason() {
    Connection c = mirakl.connection();
    mirakl.accepted(9);
    mirakl.adapter.upsertListings(c, List.of(MUG));
    mirakl.reply(200, "{\"import_id\":9,\"status\":\"FAILED\",\"reason_status\":\"Column 'logistic-class' "
        + "is unknown\"}");

    ItemOutcome outcome = mirakl.adapter.upsertListings(c, List.of(MUG)).outcomes().get(0);

    assertEquals(ItemOutcome.Status.FAILED, outcome.status());
    assertEquals(MiraklImports.FAILED, outcome.code());
    assertEquals("Mirakl could not import the offer file (import 9): Column 'logistic-class' is unknown",
        outcome.message());
  }

  @Test
  void theErrorReportNotYetWrittenMeansCheckAgain() {
    Connection c = mirakl.connection();
    mirakl.accepted(1);
    mirakl.adapter.upsertListings(c, List.of(MUG));
    mirakl.status(1, "COMPLETE", 1);
    mirakl.reply(404, "{\"status\":404,\"message\":\"No error report\"}");

    ItemOutcome outcome = mirakl.adapter.upsertListings(c, List.of(MUG)).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    mirakl.status(1, "COMPLETE", 1);
    mirakl.report("\"sku\";\"error-message\"\n\"SKU-1\";\"Quantity is invalid\"\n");
    assertEquals(ItemOutcome.Status.FAILED, mirakl.adapter.upsertListings(c, List.of(MUG)).outcomes().get(0).status());
  }

  @Test
  void theConnectionsProductTypeStatesAndOfferTermsGoInTheFile() {
    Connection c = mirakl.connection(Map.of("product_id_type", "ean", "state_code.REFURBISHED", "7",
        "leadtime_to_ship", "2", "logistic_class", "M"));
    mirakl.accepted(1);

    BatchResult result = mirakl.adapter.upsertListings(c, List.of(MUG, CUP));

    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals("required", result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("gtin is required"));
    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(1).status());
    assertEquals(OFFERS_HEADER
        + "\"SKU-2\";\"4006381333931\";\"EAN\";\"\";\"12.50\";\"\";\"0\";\"7\";\"2\";\"M\";\"update\"\n",
        MiraklFixture.parts(mirakl.take()).get("file").text());
  }

  @Test
  void aConditionWithoutAStateCodeIsRefusedBeforeSending() {
    Listing parts = new Listing("SKU-9", "Broken", null, null, null, null, Listing.Condition.FOR_PARTS,
        new BigDecimal("1.00"), "EUR", 1, List.of(), null, Map.of(), null, Map.of());

    ItemOutcome outcome = mirakl.adapter.upsertListings(mirakl.connection(), List.of(parts)).outcomes().get(0);

    assertEquals("unmapped", outcome.code());
    assertTrue(outcome.message().contains("state_code.FOR_PARTS"));
    mirakl.noMoreRequests();
  }

  @Test
  void theInstanceUrlMayEndInApiAndTheShopIdIsOptional() {
    Connection c = new Connection("acme", "mirakl", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, mirakl.server.url("/api/").toString()),
        Secrets.of(Map.of("api_key", "k")), 1);
    mirakl.accepted(1);

    mirakl.adapter.upsertListings(c, List.of(MUG));

    assertEquals("/api/offers/imports", mirakl.take().getPath());
  }

  @Test
  void aConnectionWithoutItsInstanceIsPaused() {
    Connection c = new Connection("acme", "mirakl", Environment.PRODUCTION,
        Map.of(), Secrets.of(Map.of("api_key", "k")), 1);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> mirakl.adapter.upsertListings(c, List.of(MUG)));

    assertEquals("missing_setting", e.code());
    assertTrue(e.getMessage().contains("base_url"));
  }

  @Test
  void aDuplicateSkuIsSentOnceWithItsLastValues() {
    Listing again = Listing.of("SKU-1", "Red mug", new BigDecimal("8.00"), "EUR", 2);
    mirakl.accepted(1);

    BatchResult result = mirakl.adapter.upsertListings(mirakl.connection(), List.of(MUG, again));

    assertEquals(2, result.outcomes().size());
    String file = MiraklFixture.parts(mirakl.take()).get("file").text();
    assertEquals(OFFERS_HEADER + "\"SKU-1\";\"SKU-1\";\"SHOP_SKU\";\"\";\"8.00\";\"\";\"2\";\"11\";\"\";\"\";"
        + "\"update\"\n", file);
  }
}
