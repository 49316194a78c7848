package io.syncfleet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A test's HTTP client for one dashboard: optionally signed in with an Authorization header, with
 * a matching CSRF cookie and header for actions. Keeps every body it received, for the secret scan.
 */
final class DashboardClient {
  static final String CSRF = "test-csrf-token-0123456789";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI base;
  private final String authorization;
  private final List<String> seen = new ArrayList<>();

  DashboardClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** GET with the client's credentials and any extra header pairs. */
  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** POST with credentials and the CSRF pair; a non-null body is sent as JSON. */
  HttpResponse<String> post(String path, String jsonBody, String... headers) {
    HttpRequest.Builder b = request(path, headers)
        .header("Cookie", CsrfGuard.COOKIE + "=" + CSRF)
        .header(CsrfGuard.HEADER, CSRF);
    if (jsonBody != null) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    return send(b.build());
  }

  /** POST exactly as given: no CSRF pair added. */
  HttpResponse<String> postRaw(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = request(path, headers);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** GET that must answer 200; its JSON body. */
  JsonNode json(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return parse(r);
  }

  static JsonNode parse(HttpResponse<String> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** Every body and header this client has received. */
  List<String> seen() {
    return seen;
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      seen.add(r.headers().map().toString());
      seen.add(r.body());
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
