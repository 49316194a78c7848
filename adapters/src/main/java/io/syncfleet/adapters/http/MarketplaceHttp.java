package io.syncfleet.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP toolkit every adapter shares: one OkHttp client (one connection pool for the process),
 * the clock signatures use, and the classification of answers every marketplace has in common.
 *
 * <p>{@link #send} throws the typed failure for a dropped connection or timeout (transient),
 * 429 (rate limited, with Retry-After), 401/403 (authentication), 408/5xx (transient); every other
 * answer is returned for the adapter to read, including 4xx bodies with per-item errors. Retries and
 * waiting are the worker's business, not this class's. Every answer whose headers state the rate
 * allowance left, 429s included, is reported to the {@link AllowanceListener}.
 */
public final class MarketplaceHttp {
  /** JSON media type for request bodies. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceHttp.class);

  private final OkHttpClient client;
  private final Clock clock;
  private final AllowanceListener allowances;

  public MarketplaceHttp(OkHttpClient client, Clock clock) {
    this(client, clock, AllowanceListener.NONE);
  }

  public MarketplaceHttp(OkHttpClient client, Clock clock, AllowanceListener allowances) {
    this.client = client;
    this.clock = clock;
    this.allowances = allowances == null ? AllowanceListener.NONE : allowances;
  }

  /** The production toolkit: bounded timeouts, no automatic retries (the worker decides). */
  public static MarketplaceHttp create(Clock clock) {
    OkHttpClient client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .addInterceptor(new RedactingLogInterceptor())
        .build();
    return new MarketplaceHttp(client, clock);
  }

  public Clock clock() {
    return clock;
  }

  /** This toolkit with other timeouts, e.g. for a marketplace known to be slow. */
  public MarketplaceHttp withReadTimeout(Duration timeout) {
    return new MarketplaceHttp(client.newBuilder().readTimeout(timeout).build(), clock, allowances);
  }

  /** This toolkit reporting the allowances marketplaces state to {@code listener} (replacing any other). */
  public MarketplaceHttp withAllowanceListener(AllowanceListener listener) {
    return new MarketplaceHttp(client, clock, listener);
  }

  /**
   * Passes on an allowance an adapter found outside the headers (e.g. in a body). A listener that
   * throws is logged, never allowed to fail the call.
   */
  public void report(Allowance allowance) {
    if (allowance == null || allowance.isEmpty() || allowances == AllowanceListener.NONE) {
      return;
    }
    try {
      allowances.observed(allowance);
    } catch (RuntimeException e) {
      LOG.warn("allowance listener failed: {}", e.toString());
    }
  }

  /** Sends a request and reads the whole answer, or throws the typed failure common to all APIs. */
  public HttpResult send(Request request, ErrorReader errorReader) {
    HttpResult result = exchange(request, errorReader);
    SyncFailure failure = classify(result);
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  /**
   * Sends a request and reads the whole answer whatever its status; only a dropped connection or
   * timeout throws (transient). For marketplaces whose error bodies, not statuses, say what went
   * wrong (Meta's Graph API sends a throttle or an expired token as 400 and 403 alike): the adapter
   * classifies every answer itself.
   */
  public HttpResult exchange(Request request, ErrorReader errorReader) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : readBounded(body);
      if (allowances != AllowanceListener.NONE) {
        AllowanceHeaders.read(response.headers(), clock).ifPresent(this::report);
      }
      return new HttpResult(response.code(), response.headers(), bytes, errorReader);
    } catch (InterruptedIOException e) {
      throw new TransientFailure("no answer from " + request.url().host() + " in time ("
          + e.getMessage() + ")", 0, "timeout", e);
    } catch (IOException e) {
      throw new TransientFailure("cannot reach " + request.url().host() + ": " + e.getMessage(), 0,
          "network", e);
    }
  }

  /** The typed failure {@link #send} throws for this answer, or null when the adapter reads it itself. */
  public SyncFailure failure(HttpResult r) {
    return classify(r);
  }

  private SyncFailure classify(HttpResult r) {
    int s = r.status();
    if (s == 429) {
      ErrorDetail e = r.error();
      return new RateLimitedFailure(e.message(), s, e.code(), RetryAfter.parse(r.header("Retry-After"), clock));
    }
    if (s == 401 || s == 403) {
      ErrorDetail e = r.error();
      return new AuthenticationFailure(e.message(), s, e.code());
    }
    if (s == 408 || s >= 500) {
      ErrorDetail e = r.error();
      return new TransientFailure(e.message(), s, e.code(), null);
    }
    return null;
  }

  private static byte[] readBounded(ResponseBody body) throws IOException {
    long length = body.contentLength();
    if (length > MAX_BODY_BYTES) {
      throw new IOException("answer of " + length + " bytes is larger than " + MAX_BODY_BYTES);
    }
    return body.bytes();
  }

  /** A JSON request body of {@code value} (serialized with the project's one mapper). */
  public static RequestBody json(Object value) {
    try {
      return RequestBody.create(Json.MAPPER.writeValueAsBytes(value), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize request body", e);
    }
  }

  /**
   * The API base of a connection: its {@value Connection#BASE_URL} setting when present (tests,
   * simulators, regional hosts), otherwise the marketplace's sandbox or production URL.
   */
  public static HttpUrl baseUrl(Connection connection, String production, String sandbox) {
    String url = connection.setting(Connection.BASE_URL)
        .orElse(connection.environment() == Environment.SANDBOX ? sandbox : production);
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("connection " + connection.id() + " has an invalid base URL");
    }
    return parsed;
  }
}
