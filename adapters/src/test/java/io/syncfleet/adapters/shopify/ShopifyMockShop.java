package io.syncfleet.adapters.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scripted Shopify for contract tests: a real MockWebServer, a real adapter, and request readers.
 * Registered as an extension, it shuts its server down after each test.
 */
final class ShopifyMockShop implements AfterEachCallback {
  static final String TOKEN = "shpat_test_token";
  private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");
  private static final String COST = """
      {"cost":{"requestedQueryCost":12,"actualQueryCost":10,
       "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}""";

  final MockWebServer server = new MockWebServer();
  final MarketplaceHttp http = MarketplaceHttp.create(Clock.systemUTC());
  final ShopifyAdapter adapter = new ShopifyAdapter(http);

  ShopifyMockShop() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A connection to this server with a token and the default location set. */
  Connection connection() {
    return connection(Map.of(ShopifyAdapter.LOCATION_ID, "777"));
  }

  /** A connection to this server with a token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put(Connection.BASE_URL, server.url("/").toString());
    return new Connection("acme", "shopify", Environment.PRODUCTION, all,
        Secrets.of(Map.of(ShopifyAdapter.ACCESS_TOKEN, TOKEN)), 1);
  }

  /** Answers the next call with HTTP 200 and {@code {"data": data}} plus a cost report. */
  void data(String data) {
    server.enqueue(json(200, "{\"data\":" + data + ",\"extensions\":" + COST + "}"));
  }

  /** Answers the next call with a lookup that finds {@code variants} (JSON objects, comma-separated). */
  void found(String variants) {
    data("{\"productVariants\":{\"nodes\":[" + variants + "],"
        + "\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}");
  }

  /** A lookup node: variant {@code id} with {@code sku} on product {@code productId} of {@code count} variants. */
  static String variant(String id, String sku, String productId, int count) {
    return "{\"id\":\"gid://shopify/ProductVariant/" + id + "\",\"sku\":\"" + sku + "\","
        + "\"selectedOptions\":[{\"name\":\"Title\",\"value\":\"Default Title\"}],"
        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/" + id + "\"},"
        + "\"product\":{\"id\":\"gid://shopify/Product/" + productId + "\","
        + "\"variantsCount\":{\"count\":" + count + "}}}";
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** The next request, checked to be a GraphQL POST with the token, read as a GraphQL call. */
  Call take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "no request arrived");
    assertEquals("POST", request.getMethod());
    assertEquals("/admin/api/2026-07/graphql.json", request.getPath());
    assertEquals(TOKEN, request.getHeader("X-Shopify-Access-Token"));
    try {
      JsonNode body = Json.MAPPER.readTree(request.getBody().readUtf8());
      String query = body.path("query").asText();
      Matcher m = OPERATION.matcher(query);
      return new Call(m.find() ? m.group(2) : "", query, body.path("variables"));
    } catch (IOException e) {
      throw new AssertionError("request body is not JSON", e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }

  /** One GraphQL call as received: the operation name, the document and its variables. */
  record Call(String operation, String query, JsonNode variables) {}
}
