package io.syncfleet.adapters.failure;

/**
 * A typed failure of a marketplace call, so the worker can decide what to do without parsing
 * strings: wait ({@link RateLimitedFailure}), retry ({@link TransientFailure}), give up on the items
 * ({@link PermanentFailure}) or pause the connection ({@link AuthenticationFailure}).
 */
public abstract sealed class SyncFailure extends RuntimeException
    permits RateLimitedFailure, TransientFailure, PermanentFailure, AuthenticationFailure {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String code;

  protected SyncFailure(String message, int httpStatus, String code, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  /** The HTTP status the marketplace answered, or 0 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The marketplace's own error code, or null. */
  public String code() {
    return code;
  }
}
