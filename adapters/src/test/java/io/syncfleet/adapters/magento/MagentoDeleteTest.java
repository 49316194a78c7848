package io.syncfleet.adapters.magento;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.producer.job.SkuRef;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MagentoDeleteTest {
  @RegisterExtension
  final MagentoFixture magento = new MagentoFixture();

  @Test
  void deletesEachSkuAndCountsAnUnknownOneAsDone() {
    magento.reply(200, "true");
    magento.reply(404, "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}");
    magento.reply(400, "{\"message\":\"The \\\"%1\\\" product couldn't be removed.\",\"parameters\":[\"SKU-3\"]}");

    BatchResult result = magento.adapter.deleteListings(magento.connection(),
        List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2"), new SkuRef("SKU-3")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2"),
        ItemOutcome.failed("SKU-3", null, "The \"SKU-3\" product couldn't be removed.")), result.outcomes());
    RecordedRequest first = magento.take();
    assertEquals("DELETE", first.getMethod());
    assertEquals("/rest/all/V1/products/SKU-1", first.getPath());
  }

  @Test
  void aPassingFaultRetriesThatSkuOnlyAndAThrottleStopsTheBatch() {
    magento.reply(503, "<html>busy</html>");
    magento.reply(200, "true");
    magento.enqueue(new MockResponse().setResponseCode(429));

    BatchResult result = magento.adapter.deleteListings(magento.connection(),
        List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2"), new SkuRef("SKU-3"), new SkuRef("SKU-4")));

    assertEquals(Status.RETRY, result.outcomes().get(0).status());
    assertEquals(Status.DONE, result.outcomes().get(1).status());
    assertEquals(Status.THROTTLED, result.outcomes().get(2).status());
    assertEquals(Status.THROTTLED, result.outcomes().get(3).status());
    assertEquals(3, magento.server.getRequestCount());
  }
}
