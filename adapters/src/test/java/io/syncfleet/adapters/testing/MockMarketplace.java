package io.syncfleet.adapters.testing;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A started MockWebServer standing in for a marketplace, shut down after each test when registered as an extension. */
public class MockMarketplace implements AfterEachCallback, AutoCloseable {
  /** The instant fixed clocks stand at unless a marketplace's test vectors need another. */
  public static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  /** Long enough for any canned reply; failure tests pass a shorter one to provoke timeouts. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /** The server itself, for counting requests or queueing unusual replies. */
  public final MockWebServer server = new MockWebServer();

  protected MockMarketplace() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HTTP client an adapter under test gets: real, on {@code clock}, with {@code readTimeout}. */
  public static MarketplaceHttp http(Clock clock, Duration readTimeout) {
    return MarketplaceHttp.create(clock).withReadTimeout(readTimeout);
  }

  /** A UTC clock standing still at {@code now}. */
  public static Clock fixedClock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  /** Mutable settings holding only the base URL of this server at {@code path}. */
  public Map<String, String> settings(String path) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url(path).toString());
    return settings;
  }

  /** A production connection of the test account to {@code marketplace}. */
  public static Connection connection(String marketplace, Map<String, String> settings, Secrets secrets,
      long version) {
    return new Connection("acme", marketplace, Environment.PRODUCTION, settings, secrets, version);
  }

  /** Queues a JSON answer. */
  public void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  /** Queues an answer without a body. */
  public void reply(int status) {
    server.enqueue(new MockResponse().setResponseCode(status));
  }

  /** Queues {@code response} as it is, for replies that need headers or bodies of their own. */
  public void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received; fails when none arrives within two seconds. */
  public RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A recorded request's body as JSON; reads a copy so the body can be read again. */
  public static JsonNode body(RecordedRequest r) {
    return json(r.getBody().clone().readUtf8());
  }

  /** {@code text} parsed as JSON, for comparing with what the adapter sent. */
  public static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** A clock that stands still until a test moves it, for token expiry and retry pauses. */
  public static final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
