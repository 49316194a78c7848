package io.syncfleet.adapters.prestashop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A scripted PrestaShop for contract tests: a real MockWebServer and a real adapter, with readers for
 * the XML documents the adapter writes. Registered as an extension, it shuts its server down after
 * each test.
 */
final class PrestaShopMockShop implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456";

  final MockWebServer server = new MockWebServer();
  final PrestaShopAdapter adapter;

  PrestaShopMockShop() {
    this(Duration.ofSeconds(5));
  }

  PrestaShopMockShop(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new PrestaShopAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC)).withReadTimeout(readTimeout));
  }

  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to this server with the key and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put(Connection.BASE_URL, server.url("/").toString());
    return new Connection("acme", "prestashop", Environment.PRODUCTION, all,
        Secrets.of(Map.of("webservice_key", KEY)), 1);
  }

  void json(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body));
  }

  /** Answers a list call with {@code items} of {@code resource}, or PrestaShop's {@code []} when there are none. */
  void list(String resource, String... items) {
    json(200, items.length == 0 ? "[]" : "{\"" + resource + "\":[" + String.join(",", items) + "]}");
  }

  void xml(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/xml").setBody(body));
  }

  /** Answers a POST with the created resource's id. */
  void created(String entity, long id) {
    json(201, "{\"" + entity + "\":{\"id\":" + id + "}}");
  }

  /** Answers a PUT. */
  void saved(String entity, long id) {
    json(200, "{\"" + entity + "\":{\"id\":" + id + "}}");
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request, checked to carry the key as Basic auth user with an empty password. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals(Credentials.basic(KEY, ""), r.getHeader("Authorization"));
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next request, checked to be {@code method} on {@code /api/path}. */
  RecordedRequest take(String method, String path) {
    RecordedRequest r = take();
    assertEquals(method, r.getMethod());
    assertEquals("/api/" + path, r.getRequestUrl().encodedPath());
    return r;
  }

  /** The entity element of the XML document a request sent. */
  static Element sent(RecordedRequest r) {
    Document doc = PrestaShopXml.parse(r.getBody().readByteArray());
    return PrestaShopXml.entity(doc);
  }

  /** The text of {@code field} in language {@code id}. */
  static String language(Element entity, String field, String id) {
    Element e = PrestaShopXml.find(entity, field);
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element lang && lang.getAttribute("id").equals(id)) {
        return lang.getTextContent();
      }
    }
    return null;
  }

  static String field(Element entity, String field) {
    return PrestaShopXml.childText(entity, field);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }
}
