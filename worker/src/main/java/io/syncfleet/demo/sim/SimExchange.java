package io.syncfleet.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request to a simulated marketplace, with its body already read, and ways to answer it. */
public final class SimExchange {
  private final HttpExchange exchange;
  private final byte[] body;
  private final Map<String, String> query;

  SimExchange(HttpExchange exchange) throws IOException {
    this.exchange = exchange;
    this.body = exchange.getRequestBody().readAllBytes();
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /** The decoded path, e.g. {@code /sell/inventory/v1/inventory_item/SKU-1}. */
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  /** A query parameter, decoded, or null. */
  public String query(String name) {
    return query.get(name);
  }

  /** A request header, or null. */
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  public byte[] body() {
    return body;
  }

  /** The body as JSON; a malformed body throws {@link IllegalArgumentException}. */
  public JsonNode json() {
    try {
      return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("body is not JSON");
    }
  }

  /** Answers with a JSON body (or none when {@code body} is null). */
  public void respond(int status, Object body) throws IOException {
    respond(status, body, Map.of());
  }

  /** Answers with a JSON body and extra headers. */
  public void respond(int status, Object body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (body == null || status == 204) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] bytes = body instanceof byte[] b ? b : Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
