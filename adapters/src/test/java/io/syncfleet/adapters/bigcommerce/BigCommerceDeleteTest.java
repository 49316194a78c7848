package io.syncfleet.adapters.bigcommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.producer.job.SkuRef;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BigCommerceDeleteTest {
  private static final String V3 = "/stores/abc123/v3";

  @RegisterExtension
  final BigCommerceFixture bc = new BigCommerceFixture();

  @Test
  void deletesProductsByTheirOwnSkuInOneCallAndOtherVariantsOneByOne() {
    bc.reply(200, """
        {"data":[{"id":77,"sku":"SKU-1","base_variant_id":700,"variants":[{"id":700,"sku":"SKU-1"}]},
                 {"id":79,"sku":"SKU-2","base_variant_id":790,"variants":[{"id":790,"sku":"SKU-2"}]}]}""");
    bc.reply(200, "{\"data\":[{\"id\":802,\"product_id\":78,\"sku\":\"TEE-M\",\"option_values\":[{\"id\":11}]}]}");
    bc.reply(200, "{\"data\":[]}");
    bc.server.enqueue(new MockResponse().setResponseCode(204));
    bc.server.enqueue(new MockResponse().setResponseCode(204));

    BatchResult result = bc.adapter.deleteListings(bc.connection(),
        List.of(new SkuRef("SKU-1"), new SkuRef("TEE-M"), new SkuRef("GONE"), new SkuRef("SKU-2")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("TEE-M"), ItemOutcome.done("GONE"),
        ItemOutcome.done("SKU-2")), result.outcomes());
    bc.take();
    bc.take();
    bc.take();
    RecordedRequest variant = bc.take();
    assertEquals("DELETE", variant.getMethod());
    assertEquals(V3 + "/catalog/products/78/variants/802", variant.getPath());
    RecordedRequest products = bc.take();
    assertEquals("DELETE", products.getMethod());
    assertEquals(V3 + "/catalog/products", products.getRequestUrl().encodedPath());
    assertEquals("77,79", products.getRequestUrl().queryParameter("id:in"));
  }

  @Test
  void aVariantAlreadyGoneIsDoneAndAThrottleLeavesTheRestThrottled() {
    bc.reply(200, "{\"data\":[{\"id\":77,\"sku\":\"SKU-1\",\"base_variant_id\":700,\"variants\":[{\"id\":700,\"sku\":\"SKU-1\"}]}]}");
    bc.reply(200, "{\"data\":[{\"id\":802,\"product_id\":78,\"sku\":\"TEE-M\",\"option_values\":[{\"id\":11}]}]}");
    bc.reply(404, "{\"status\":404,\"title\":\"Variant not found\"}");
    bc.server.enqueue(new MockResponse().setResponseCode(429).setHeader("X-Retry-After", "4"));

    BatchResult result = bc.adapter.deleteListings(bc.connection(), List.of(new SkuRef("TEE-M"), new SkuRef("SKU-1")));

    assertEquals(ItemOutcome.done("TEE-M"), result.outcomes().get(0));
    assertEquals(Status.THROTTLED, result.outcomes().get(1).status());
    assertEquals(Duration.ofSeconds(4), result.outcomes().get(1).retryAfter());
  }
}
