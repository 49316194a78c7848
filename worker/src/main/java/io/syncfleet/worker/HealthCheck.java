package io.syncfleet.worker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container health probe: exits 0 when this machine's worker answers {@code /health} with 200,
 * 1 otherwise. The runtime image has no curl, and the JDK's client is enough.
 */
public final class HealthCheck {
  private HealthCheck() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("SYNCFLEET_HTTP_PORT", "9400");
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
              .timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println(r.body());
      System.exit(r.statusCode() == 200 ? 0 : 1);
    } catch (Exception e) {
      System.out.println("unhealthy: " + e.getMessage());
      System.exit(1);
    }
  }
}
