package io.syncfleet.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its response, with what every route needs: decoded path segments, query
 * parameters, cookies, a size-capped body, and JSON replies. Every response carries the same
 * security headers: a strict Content-Security-Policy (scripts and styles from this server only, no
 * framing), nosniff, no referrer sent to other sites (plain no-referrer would make browsers send
 * {@code Origin: null} with the sign-in form), and no-store so no cache keeps fleet data.
 */
final class WebExchange {
  private static final Map<String, String> SECURITY_HEADERS = securityHeaders();

  private final HttpExchange exchange;
  private List<String> segments;
  private String principal = "anonymous";

  WebExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  private static Map<String, String> securityHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    h.put("X-Frame-Options", "DENY");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "same-origin");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    h.put("Cache-Control", "no-store");
    return Map.copyOf(h);
  }

  String method() {
    return exchange.getRequestMethod();
  }

  /** The path's segments, percent-decoded one by one (so an encoded slash stays inside its segment). */
  List<String> segments() {
    if (segments == null) {
      segments = segments(exchange.getRequestURI().getRawPath());
    }
    return segments;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** Who made the request, for the audit log: set once authenticated. */
  String principal() {
    return principal;
  }

  void principal(String who) {
    this.principal = who;
  }

  /** A query parameter, or null. */
  String query(String name) {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      }
    }
    return null;
  }

  /** A whole-number query parameter within {@code [min, max]}, or {@code dflt} when absent. */
  int intQuery(String name, int dflt, int min, int max) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new ApiError(400, name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " must be a whole number");
    }
  }

  /** A cookie sent with the request, or null. */
  String cookie(String name) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
          return part.substring(eq + 1).trim();
        }
      }
    }
    return null;
  }

  /** The request body, refused with 413 beyond {@code max} bytes. */
  byte[] body(int max) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new ApiError(413, "request body larger than " + max + " bytes");
      }
      return bytes;
    }
  }

  /** A JSON object body (Content-Type application/json), refused with 400 or 415 otherwise. */
  JsonNode jsonBody(int max) throws IOException {
    String type = header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "send the body as application/json");
    }
    byte[] body = body(max);
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ApiError(400, "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON");
    }
  }

  /** Adds a response header; call before sending. */
  void responseHeader(String name, String value) {
    exchange.getResponseHeaders().add(name, value);
  }

  void sendJson(int status, Object body) throws IOException {
    send(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
  }

  void sendError(int status, String message) throws IOException {
    sendJson(status, Map.of("error", message));
  }

  void redirect(String location) throws IOException {
    responseHeader("Location", location);
    send(303, "text/plain; charset=utf-8", new byte[0]);
  }

  void send(int status, String contentType, byte[] body) throws IOException {
    SECURITY_HEADERS.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(decode(s, false));
      }
    }
    return List.copyOf(out);
  }

  /** Percent-decodes; a '+' is a space only in a query. */
  private static String decode(String raw, boolean query) {
    try {
      return URLDecoder.decode(query ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "malformed percent-encoding in the URL");
    }
  }
}
