package io.syncfleet.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Reads the rate-allowance headers marketplaces send, tagged as in {@code shared/marketplaces.md}:
 * [V] verified against the vendor's docs, [C] corroborated only by community code, [U] unverified.
 * The first family present wins; a value that is not a plain non-negative number is ignored.
 */
public final class AllowanceHeaders {
  /** [C] Shopify REST: {@code used/bucket}, e.g. {@code 32/40}. */
  static final String SHOPIFY_CALL_LIMIT = "X-Shopify-Shop-Api-Call-Limit";
  /** [V] Amazon SP-API: the rate (requests per second) applied to this operation. */
  static final String AMAZON_RATE = "x-amzn-RateLimit-Limit";
  /** [V] BigCommerce: requests left in the window, the window's quota, ms until and length of the window. */
  static final String BIGCOMMERCE_LEFT = "X-Rate-Limit-Requests-Left";
  static final String BIGCOMMERCE_QUOTA = "X-Rate-Limit-Requests-Quota";
  static final String BIGCOMMERCE_RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
  static final String BIGCOMMERCE_WINDOW_MS = "X-Rate-Limit-Time-Window-Ms";
  /** [U] IETF draft (separate-field versions); the limit may carry a policy after a comma or semicolon. */
  static final String IETF_REMAINING = "RateLimit-Remaining";
  static final String IETF_LIMIT = "RateLimit-Limit";
  static final String IETF_RESET = "RateLimit-Reset";
  /** [C] Common X- variant (refurbed, among others); its reset is often a Unix timestamp. */
  static final String X_REMAINING = "X-RateLimit-Remaining";
  static final String X_LIMIT = "X-RateLimit-Limit";
  static final String X_RESET = "X-RateLimit-Reset";

  private static final Pattern NUMBER = Pattern.compile("\\d{1,15}(\\.\\d+)?");
  // A reset above these is a point in time, not a delay: no window lasts 30 years.
  private static final double EPOCH_SECONDS = 1e9;
  private static final double EPOCH_MILLIS = 1e12;

  private AllowanceHeaders() {}

  /** The allowance {@code headers} state, judged against the system clock for timestamps. */
  public static Optional<Allowance> read(Headers headers) {
    return read(headers, Clock.systemUTC());
  }

  /** The allowance {@code headers} state, or empty when they carry none; never throws. */
  public static Optional<Allowance> read(Headers headers, Clock clock) {
    if (headers == null || headers.size() == 0) {
      return Optional.empty();
    }
    Allowance a = shopify(headers.get(SHOPIFY_CALL_LIMIT));
    if (a.isEmpty()) {
      a = bigCommerce(headers);
    }
    if (a.isEmpty()) {
      a = new Allowance(null, null, positive(number(headers.get(AMAZON_RATE))), null);
    }
    if (a.isEmpty()) {
      a = generic(headers, IETF_REMAINING, IETF_LIMIT, IETF_RESET, clock);
    }
    if (a.isEmpty()) {
      a = generic(headers, X_REMAINING, X_LIMIT, X_RESET, clock);
    }
    return a.isEmpty() ? Optional.empty() : Optional.of(a);
  }

  private static Allowance shopify(String value) {
    int slash = value == null ? -1 : value.indexOf('/');
    if (slash < 0) {
      return new Allowance(null, null, null, null);
    }
    Double used = number(value.substring(0, slash));
    Double bucket = positive(number(value.substring(slash + 1)));
    if (used == null || bucket == null) {
      return new Allowance(null, null, null, null);
    }
    return new Allowance(Math.max(0, bucket - used), bucket, null, null);
  }

  private static Allowance bigCommerce(Headers h) {
    Double quota = positive(number(h.get(BIGCOMMERCE_QUOTA)));
    Double window = positive(number(h.get(BIGCOMMERCE_WINDOW_MS)));
    Double resetMs = number(h.get(BIGCOMMERCE_RESET_MS));
    return new Allowance(number(h.get(BIGCOMMERCE_LEFT)), quota,
        quota != null && window != null ? quota * 1000 / window : null,
        resetMs == null ? null : Duration.ofMillis((long) Math.ceil(resetMs)));
  }

  private static Allowance generic(Headers h, String remaining, String limit, String reset, Clock clock) {
    return new Allowance(number(first(h.get(remaining))), positive(number(first(h.get(limit)))), null,
        reset(number(first(h.get(reset))), clock));
  }

  private static Duration reset(Double value, Clock clock) {
    if (value == null) {
      return null;
    }
    if (value < EPOCH_SECONDS) {
      return Duration.ofMillis((long) Math.ceil(value * 1000));
    }
    long epochMs = (long) (value < EPOCH_MILLIS ? value * 1000 : value);
    Duration d = Duration.between(clock.instant(), Instant.ofEpochMilli(epochMs));
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The first element of a list-valued field ({@code 100, 100;w=60} gives {@code 100}). */
  private static String first(String value) {
    if (value == null) {
      return null;
    }
    int end = value.length();
    for (char c : new char[] {',', ';'}) {
      int i = value.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return value.substring(0, end);
  }

  private static Double number(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    return NUMBER.matcher(v).matches() ? Double.valueOf(v) : null;
  }

  private static Double positive(Double value) {
    return value != null && value > 0 ? value : null;
  }
}
