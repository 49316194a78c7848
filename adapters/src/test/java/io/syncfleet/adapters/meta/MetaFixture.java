package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for Meta's Graph API, a real adapter pointed at it (status checks
 * without pauses), and readers for what the adapter sent. Registered as an extension, it shuts its
 * server down after each test.
 */
final class MetaFixture extends MockMarketplace {
  static final String CATALOG = "123456789";
  static final String TOKEN = "EAAGm0PX4ZCpsBA-test-token";
  static final String APP_SECRET = "meta_app_secret";
  /** HMAC-SHA256 of {@link #TOKEN} under {@link #APP_SECRET}, lowercase hex, computed with Python's hmac. */
  static final String PROOF = "fa96620b393ffc285d270f9e891ed04e35e5f544ecf99c9c28758bf294d6ef11";
  static final String BATCH_PATH = "/v25.0/" + CATALOG + "/items_batch";
  static final String STATUS_PATH = "/v25.0/" + CATALOG + "/check_batch_request_status";

  final MetaAdapter adapter;

  MetaFixture() {
    this(READ_TIMEOUT, 3);
  }

  MetaFixture(Duration readTimeout, int statusChecks) {
    adapter = new MetaAdapter(http(fixedClock(NOW), readTimeout), MetaPolling.immediate(statusChecks));
  }

  /** A connection with the token, the app secret, the catalog and a link template. */
  Connection connection() {
    return connection(Map.of(MetaApi.ACCESS_TOKEN, TOKEN, MetaApi.APP_SECRET, APP_SECRET), Map.of());
  }

  Connection connection(Map<String, String> secrets, Map<String, String> extraSettings) {
    Map<String, String> settings = settings("/");
    settings.put(MetaApi.CATALOG_ID, CATALOG);
    settings.put(MetaApi.LINK_TEMPLATE, "https://shop.example/p/{sku}");
    settings.putAll(extraSettings);
    return connection("meta", settings, Secrets.of(secrets), 1);
  }

  /** Queues items_batch's answer: the handle and no validation errors. */
  void accepted(String handle) {
    reply(200, "{\"handles\":[\"" + handle + "\"],\"validation_status\":[]}");
  }

  /** Queues a status answer with {@code status} and the given errors (a JSON array) and invalid ids. */
  void status(String handle, String status, String errors, String invalidIds) {
    reply(200, "{\"data\":[{\"handle\":\"" + handle + "\",\"status\":\"" + status + "\",\"errors\":" + errors
        + ",\"errors_total_count\":" + json(errors).size() + ",\"ids_of_invalid_requests\":" + invalidIds + "}]}");
  }

  /** Queues a finished status without errors. */
  void finished(String handle) {
    status(handle, "finished", "[]", "[]");
  }

  /** Queues a Graph error envelope. */
  void graphError(int httpStatus, int code, String message) {
    reply(httpStatus, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
        + ",\"fbtrace_id\":\"AbC123\"}}");
  }

  /** Takes the next request, checks it is the items_batch POST, and returns its form fields. */
  Map<String, String> takeBatch() {
    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals(BATCH_PATH, r.getRequestUrl().encodedPath());
    return form(r);
  }

  /** Takes the next request and checks it is the status check of {@code handle}, signed. */
  RecordedRequest takeStatus(String handle) {
    RecordedRequest r = take();
    assertEquals("GET", r.getMethod());
    assertEquals(STATUS_PATH, r.getRequestUrl().encodedPath());
    assertEquals(handle, r.getRequestUrl().queryParameter("handle"));
    assertEquals("true", r.getRequestUrl().queryParameter("load_ids_of_invalid_requests"));
    assertEquals(TOKEN, r.getRequestUrl().queryParameter("access_token"));
    assertEquals(PROOF, r.getRequestUrl().queryParameter("appsecret_proof"));
    return r;
  }

  /** The multipart form fields of a request, by name. */
  static Map<String, String> form(RecordedRequest r) {
    MediaType type = MediaType.get(r.getHeader("Content-Type"));
    assertEquals("multipart", type.type());
    assertEquals("form-data", type.subtype());
    Map<String, String> fields = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(ResponseBody.create(r.getBody().readByteArray(), type))) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceAll(".*name=\"([^\"]+)\".*", "$1");
        fields.put(name, part.body().readUtf8());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  /** The {@code requests} field of an items_batch form as JSON. */
  static JsonNode requests(Map<String, String> form) {
    return json(form.get("requests"));
  }
}
