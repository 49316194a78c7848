package io.syncfleet.adapters.failure;

import java.time.Duration;
import java.util.Optional;

/** The marketplace is throttling this account; {@link #retryAfter()} is the wait it asked for, if any. */
public final class RateLimitedFailure extends SyncFailure {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public RateLimitedFailure(String message, int httpStatus, String code, Duration retryAfter) {
    super(message, httpStatus, code, null);
    this.retryAfter = retryAfter;
  }

  /** The wait the marketplace asked for (Retry-After or an equivalent), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
