package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listings go out as one signed items_batch call and their ends are read from the batch status. */
class MetaListingsTest {
  @RegisterExtension
  final MetaFixture meta = new MetaFixture();

  static Listing mug(String sku) {
    return new Listing(sku, "Blue mug", "Stoneware, 350 ml", "Acme", "MUG-350", "4006381333931",
        Listing.Condition.NEW, new BigDecimal("12.50"), "EUR", 7,
        List.of("https://img.example/mug.jpg", "https://img.example/mug-2.jpg"), "Home > Kitchen",
        Map.of("link", List.of("https://shop.example/mug")), "MUG", Map.of("Color", "Blue", "Finish", "Matte"));
  }

  @Test
  void sendsEachListingAsAnUpsertingUpdateSignedWithTheAppSecretProof() {
    meta.accepted("H-1");
    meta.finished("H-1");

    BatchResult result = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1")));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    Map<String, String> form = meta.takeBatch();
    assertEquals(MetaFixture.TOKEN, form.get("access_token"));
    assertEquals(MetaFixture.PROOF, form.get("appsecret_proof"));
    assertEquals("PRODUCT_ITEM", form.get("item_type"));
    assertEquals("true", form.get("allow_upsert"));
    JsonNode requests = MetaFixture.requests(form);
    assertEquals(1, requests.size());
    assertEquals(MetaFixture.json("""
        {"method":"UPDATE","data":{"id":"SKU-1","title":"Blue mug","description":"Stoneware, 350 ml",
         "availability":"in stock","condition":"new","price":"12.50 EUR","link":"https://shop.example/mug",
         "image_link":"https://img.example/mug.jpg","additional_image_link":["https://img.example/mug-2.jpg"],
         "brand":"Acme","gtin":"4006381333931","mpn":"MUG-350","fb_product_category":"Home > Kitchen",
         "item_group_id":"MUG","quantity_to_sell_on_facebook":7,"color":"Blue",
         "additional_variant_attribute":"Finish:Matte"}}"""), requests.get(0));
    meta.takeStatus("H-1");
    assertEquals(2, meta.server.getRequestCount());
  }

  @Test
  void itemsRefusedInTheBatchStatusFailWithMetasMessageAndTheOthersAreDone() {
    meta.accepted("H-2");
    meta.status("H-2", "finished", """
        [{"line":2,"id":"SKU-2","message":"A required field is missing: price."},
         {"line":2,"id":"SKU-2","message":"Image could not be downloaded."}]""", "[\"SKU-2\"]");

    BatchResult result = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"), mug("SKU-2")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", MetaApi.ITEM_REJECTED,
        "A required field is missing: price.; Image could not be downloaded."), result.outcomes().get(1));
  }

  @Test
  void anIdListedAsInvalidWithoutAMessageStillFails() {
    meta.accepted("H-3");
    meta.status("H-3", "finished", "[]", "[\"SKU-1\"]");

    ItemOutcome outcome = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.FAILED, outcome.status());
    assertTrue(outcome.message().contains("Commerce Manager"), outcome.message());
  }

  @Test
  void errorsThatNameNoItemSendTheUnnamedItemsAgainRatherThanCallingThemDone() {
    meta.accepted("H-4");
    meta.status("H-4", "finished", "[{\"line\":1,\"message\":\"Something was wrong.\"}]", "[]");

    ItemOutcome outcome = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("errors_unmatched", outcome.code());
  }

  @Test
  void itemsRefusedAtOnceFailWithoutWaitingForTheStatus() {
    meta.reply(200, """
        {"handles":["H-5"],"validation_status":[
          {"retailer_id":"SKU-2","errors":[{"message":"Invalid price format."}],"warnings":[]}]}""");
    meta.finished("H-5");

    BatchResult result = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"), mug("SKU-2")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", MetaApi.ITEM_REJECTED, "Invalid price format."), result.outcomes().get(1));
  }

  @Test
  void whenEveryItemIsRefusedAtOnceNoStatusIsAskedFor() {
    meta.reply(200, """
        {"handles":[],"validation_status":[{"retailer_id":"SKU-1","errors":[{"message":"Bad."}]}]}""");

    BatchResult result = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1")));

    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals(1, meta.server.getRequestCount());
  }

  @Test
  void anAnswerWithoutAHandleSendsTheItemsAgain() {
    meta.reply(200, "{\"handles\":[]}");

    ItemOutcome outcome = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("no_handle", outcome.code());
  }

  @Test
  void keepsCheckingWhileMetaIsAtWork() {
    meta.accepted("H-6");
    meta.status("H-6", "started", "[]", "[]");
    meta.status("H-6", "in_progress", "[]", "[]");
    meta.finished("H-6");

    BatchResult result = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1")));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    meta.takeBatch();
    meta.takeStatus("H-6");
    meta.takeStatus("H-6");
    meta.takeStatus("H-6");
  }

  @Test
  void aBatchStillAtWorkAfterTheLastCheckComesBackAsRetryWithItsHandle() {
    meta.accepted("H-7");
    for (int i = 0; i < 3; i++) {
      meta.status("H-7", "in_progress", "[]", "[]");
    }

    ItemOutcome outcome = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("batch_pending", outcome.code());
    assertTrue(outcome.message().contains("H-7"), outcome.message());
    assertEquals(Duration.ofMinutes(1), outcome.retryAfter());
    assertEquals(4, meta.server.getRequestCount());
  }

  @Test
  void aStatusMetaDoesNotExplainEndsTheChecksAndSendsTheItemsAgain() {
    meta.accepted("H-8");
    meta.status("H-8", "error", "[]", "[]");

    ItemOutcome outcome = meta.adapter.upsertListings(meta.connection(), List.of(mug("SKU-1"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("batch_error", outcome.code());
    assertEquals(2, meta.server.getRequestCount());
  }

  @Test
  void listingsBreakingMetasRulesOrWithoutALinkAreNotSent() {
    Listing noDescription = new Listing("SKU-1", "Mug", null, "Acme", null, null, Listing.Condition.NEW,
        new BigDecimal("3.00"), "EUR", 1, List.of("https://img.example/a.jpg"), null, Map.of(), null, Map.of());
    Listing noLink = new Listing("SKU-2", "Mug", "Nice", "Acme", null, null, Listing.Condition.NEW,
        new BigDecimal("3.00"), "EUR", 1, List.of("https://img.example/a.jpg"), null, Map.of(), null, Map.of());

    BatchResult result = meta.adapter.upsertListings(meta.connection(Map.of(MetaApi.ACCESS_TOKEN,
        MetaFixture.TOKEN), Map.of(MetaApi.LINK_TEMPLATE, "")), List.of(noDescription, noLink));

    assertEquals(MetaAdapter.INVALID_LISTING, result.outcomes().get(0).code());
    assertEquals(MetaAdapter.LINK_MISSING, result.outcomes().get(1).code());
    assertEquals(0, meta.server.getRequestCount());
  }

  @Test
  void theLinkTemplateTakesTheSkuUrlEncodedAndWithoutAnAppSecretNoProofIsSent() {
    Listing l = new Listing("SKU 1/ä", "Mug", "Nice", "Acme", null, null, Listing.Condition.USED_GOOD,
        new BigDecimal("3.00"), "EUR", 0, List.of("https://img.example/a.jpg"), null, Map.of(), null, Map.of());
    meta.accepted("H-9");
    meta.finished("H-9");

    meta.adapter.upsertListings(meta.connection(Map.of(MetaApi.ACCESS_TOKEN, MetaFixture.TOKEN), Map.of()), List.of(l));

    Map<String, String> form = meta.takeBatch();
    assertFalse(form.containsKey("appsecret_proof"));
    JsonNode data = MetaFixture.requests(form).get(0).path("data");
    assertEquals("https://shop.example/p/SKU%201%2F%C3%A4", data.path("link").asText());
    assertEquals("out of stock", data.path("availability").asText());
    assertEquals("used", data.path("condition").asText());
    assertNull(meta.take().getRequestUrl().queryParameter("appsecret_proof"));
  }
}
