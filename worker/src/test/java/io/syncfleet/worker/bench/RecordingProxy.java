package io.syncfleet.worker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of one simulated marketplace, recording what the
 * marketplace is asked: calls per endpoint, 429 answers per endpoint, and, for eBay's bulk price and
 * quantity call, when each (SKU, quantity) first arrived. The simulators count only calls in total;
 * the benchmark needs calls by kind and arrival times, and reads them here without touching them.
 */
final class RecordingProxy implements AutoCloseable {
  /** eBay's bulk price and quantity endpoint, whose entries carry the SKUs and stock values sent. */
  static final String EBAY_PRICE_QUANTITY = "POST /sell/inventory/v1/bulk_update_price_quantity";
  static final String EBAY_FIND_OFFER = "GET /sell/inventory/v1/offer";

  /** Headers that describe one hop only, or that the forwarding client sets itself. */
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "transfer-encoding", "keep-alive", "date", "from", "origin", "referer", "via", "warning");
  /** Path segments that are ids (offer ids, order ids): collapsed so calls group by endpoint. */
  private static final Pattern ID_SEGMENT = Pattern.compile("/[A-Z]?\\d[\\w-]*(?=/|$)");

  private final String target;
  private final HttpServer server;
  private final ExecutorService executor;
  private final OkHttpClient client;
  private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> throttled = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> firstSeen = new ConcurrentHashMap<>();

  /** Starts a proxy forwarding to {@code targetBaseUrl} (e.g. a simulator's base URL). */
  RecordingProxy(String targetBaseUrl) throws IOException {
    this.target = targetBaseUrl;
    this.executor = Executors.newFixedThreadPool(48, r -> {
      Thread t = new Thread(r, "bench-proxy");
      t.setDaemon(true);
      return t;
    });
    this.client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The URL to give a connection instead of the marketplace's. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What was counted so far, to subtract from a later snapshot. */
  Counts counts() {
    Map<String, Long> c = new TreeMap<>();
    calls.forEach((k, v) -> c.put(k, v.sum()));
    Map<String, Long> t = new TreeMap<>();
    throttled.forEach((k, v) -> t.put(k, v.sum()));
    return new Counts(c, t);
  }

  /**
   * When (System.nanoTime) a bulk price-quantity entry setting {@code sku} to {@code quantity} first
   * arrived, or null.
   */
  Long firstSeen(String sku, int quantity) {
    return firstSeen.get(sku + '\n' + quantity);
  }

  private void forward(HttpExchange ex) throws IOException {
    long arrived = System.nanoTime();
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      String endpoint = ex.getRequestMethod() + " "
          + ID_SEGMENT.matcher(ex.getRequestURI().getPath()).replaceAll("/{id}");
      calls.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
      if (endpoint.equals(EBAY_PRICE_QUANTITY)) {
        recordStock(body, arrived);
      }
      String url = target + ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      boolean needsBody = !ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD");
      Request.Builder out = new Request.Builder().url(url).method(ex.getRequestMethod(),
          needsBody ? RequestBody.create(body, type == null ? null : MediaType.parse(type)) : null);
      ex.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> out.addHeader(name, v));
        }
      });
      int status;
      byte[] reply;
      try (Response answer = client.newCall(out.build()).execute()) {
        status = answer.code();
        for (String name : answer.headers().names()) {
          if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            ex.getResponseHeaders().put(name, answer.headers(name));
          }
        }
        reply = answer.body() == null ? new byte[0] : answer.body().bytes();
      } catch (IOException e) {
        ex.sendResponseHeaders(502, -1);
        return;
      }
      if (status == 429) {
        throttled.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
      }
      boolean empty = reply.length == 0 || status == 204 || status == 304;
      ex.sendResponseHeaders(status, empty ? -1 : reply.length);
      if (!empty) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(reply);
        }
      }
    } finally {
      ex.close();
    }
  }

  private void recordStock(byte[] body, long arrived) {
    try {
      for (JsonNode r : Json.MAPPER.readTree(body).path("requests")) {
        JsonNode q = r.path("shipToLocationAvailability").path("quantity");
        if (r.hasNonNull("sku") && q.isNumber()) {
          firstSeen.putIfAbsent(r.get("sku").asText() + '\n' + q.asInt(), arrived);
        }
      }
    } catch (IOException e) {
      // Not JSON: the marketplace will refuse it; nothing to record.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Calls and 429 answers per endpoint ({@code METHOD /path}, ids collapsed). */
  record Counts(Map<String, Long> calls, Map<String, Long> throttled) {
    static final Counts ZERO = new Counts(Map.of(), Map.of());

    /** What happened since {@code earlier}. */
    Counts since(Counts earlier) {
      Map<String, Long> c = new TreeMap<>();
      calls.forEach((k, v) -> c.put(k, v - earlier.calls.getOrDefault(k, 0L)));
      Map<String, Long> t = new TreeMap<>();
      throttled.forEach((k, v) -> t.put(k, v - earlier.throttled.getOrDefault(k, 0L)));
      return new Counts(c, t);
    }

    /** The endpoints called at least once, with their call counts. */
    Map<String, Long> called() {
      Map<String, Long> out = new TreeMap<>(calls);
      out.values().removeIf(n -> n == 0);
      return out;
    }

    long calls(String endpoint) {
      return calls.getOrDefault(endpoint, 0L);
    }

    long totalCalls() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalThrottled() {
      return throttled.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
