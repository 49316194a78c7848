package io.syncfleet.adapters.mirakl;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer standing in for an operator's Mirakl instance, a real adapter pointed at it, and a
 * clock tests can move. Registered as an extension, it shuts its server down after each test.
 */
final class MiraklFixture extends MockMarketplace {
  static final String API_KEY = "a1b2c3d4-shop-key";
  static final String SHOP_ID = "2001";

  final MovableClock clock = new MovableClock(NOW);
  final MarketplaceHttp http;
  final MiraklAdapter adapter;

  MiraklFixture() {
    this(READ_TIMEOUT);
  }

  MiraklFixture(Duration readTimeout) {
    http = http(clock, readTimeout);
    adapter = new MiraklAdapter(http);
  }

  /** A connection to the mock instance with a key and a shop id. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock instance with the key, the shop id and {@code extra} settings. */
  Connection connection(Map<String, String> extra) {
    Map<String, String> settings = settings("/");
    settings.put("shop_id", SHOP_ID);
    settings.putAll(extra);
    return connection("mirakl", settings, Secrets.of(Map.of("api_key", API_KEY)), 1);
  }

  /** Queues OF01's answer. */
  void accepted(int importId) {
    reply(201, "{\"import_id\":" + importId + "}");
  }

  /** Queues OF02's answer. */
  void status(int importId, String status, int linesInError) {
    reply(200, "{\"import_id\":" + importId + ",\"status\":\"" + status + "\",\"lines_read\":2,"
        + "\"lines_in_success\":" + (2 - linesInError) + ",\"lines_in_error\":" + linesInError
        + ",\"has_error_report\":" + (linesInError > 0) + ",\"mode\":\"NORMAL\"}");
  }

  /** Queues OF03's answer, a CSV file. */
  void report(String csv) {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/csv")
        .setBody(csv));
  }

  /** Fails when the adapter made a request the test did not expect. */
  void noMoreRequests() {
    try {
      assertNull(server.takeRequest(100, TimeUnit.MILLISECONDS), "unexpected request");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The parts of a multipart request body by name: their file name (or null) and text. */
  static Map<String, Part> parts(RecordedRequest r) {
    String type = r.getHeader("Content-Type");
    String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
    Map<String, Part> parts = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(r.getBody().readByteArray()), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        String name = attribute(disposition, "name");
        parts.put(name, new Part(attribute(disposition, "filename"), part.headers().get("Content-Type"),
            part.body().readString(StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  /** One part of a multipart body. */
  record Part(String fileName, String contentType, String text) {}

  private static String attribute(String header, String name) {
    String key = name + "=\"";
    int from = header.indexOf("; " + key);
    if (from < 0) {
      return null;
    }
    from += 2 + key.length();
    return header.substring(from, header.indexOf('"', from));
  }
}
