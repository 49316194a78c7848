package io.syncfleet.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The worker's small HTTP port: {@code /metrics} in Prometheus text format and {@code /health}
 * (200 while the process runs and reaches Redis, 503 otherwise), for scrapers and orchestrators.
 * The JDK's own server is enough for two read-only endpoints. Stops with {@link #stop()}.
 */
public final class HealthServer {
  private final HttpServer server;

  /** A health verdict and its JSON body. */
  public record Verdict(boolean healthy, String json) {}

  public HealthServer(int port, PrometheusMeterRegistry registry, Supplier<Verdict> health) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 16);
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "health-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
        registry.scrape()));
    server.createContext("/health", ex -> {
      Verdict v = health.get();
      send(ex, v.healthy() ? 200 : 503, "application/json", v.json());
    });
    server.start();
  }

  /** The port actually bound (useful when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
