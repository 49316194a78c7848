package io.syncfleet.adapters.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.StockLevel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GraphQL cost report's bucket reaches the listener given to the registry. */
class ShopifyAllowanceTest {
  @RegisterExtension
  final ShopifyMockShop shop = new ShopifyMockShop();

  private final List<Allowance> seen = new CopyOnWriteArrayList<>();
  private final MarketplaceAdapter adapter = AdapterRegistry.standard(shop.http, seen::add)
      .find(Channels.SHOPIFY.id()).orElseThrow();

  @Test
  void throttleStatusOfAnAnswerIsReportedInCostPoints() {
    shop.data("{\"shop\":{\"name\":\"Acme Outfitters\",\"myshopifyDomain\":\"acme.myshopify.com\"}}");
    assertTrue(adapter.testConnection(shop.connection()).ok());
    assertEquals(List.of(new Allowance(1990.0, 2000.0, 100.0, null)), seen);
  }

  @Test
  void throttledAnswerIsReportedAndStillRateLimited() {
    shop.server.enqueue(ShopifyMockShop.json(200, """
        {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],
         "extensions":{"cost":{"requestedQueryCost":502,"actualQueryCost":null,
          "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":102,"restoreRate":100.0}}}}"""));
    assertThrows(RateLimitedFailure.class,
        () -> adapter.updateStock(shop.connection(), List.of(StockLevel.of("SKU-1", 3))));
    assertEquals(List.of(new Allowance(102.0, 2000.0, 100.0, null)), seen);
    assertEquals(0.051, seen.get(0).fractionLeft().orElseThrow(), 1e-9);
  }

  @Test
  void answerWithoutCostReportReportsNothing() {
    shop.server.enqueue(ShopifyMockShop.json(200,
        "{\"data\":{\"shop\":{\"name\":\"Acme\",\"myshopifyDomain\":\"acme.myshopify.com\"}}}"));
    assertTrue(adapter.testConnection(shop.connection()).ok());
    assertTrue(seen.isEmpty());
  }

  @Test
  void callLimitHeaderOfA429IsReported() {
    shop.server.enqueue(ShopifyMockShop.json(429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}")
        .setHeader("Retry-After", "2.0").setHeader("X-Shopify-Shop-Api-Call-Limit", "40/40"));
    assertThrows(RateLimitedFailure.class,
        () -> adapter.updateStock(shop.connection(), List.of(StockLevel.of("SKU-1", 3))));
    assertEquals(List.of(new Allowance(0.0, 40.0, null, null)), seen);
  }

  @Test
  void adaptersBuiltWithoutAListenerStillWork() {
    shop.data("{\"shop\":{\"name\":\"Acme Outfitters\",\"myshopifyDomain\":\"acme.myshopify.com\"}}");
    assertTrue(shop.adapter.testConnection(shop.connection()).ok());
    assertTrue(seen.isEmpty());
  }
}
