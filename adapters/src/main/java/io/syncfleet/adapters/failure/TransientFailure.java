package io.syncfleet.adapters.failure;

/** A passing fault (5xx, timeout, dropped connection, garbled answer): the same call may work later. */
public final class TransientFailure extends SyncFailure {
  private static final long serialVersionUID = 1L;

  public TransientFailure(String message, int httpStatus, String code, Throwable cause) {
    super(message, httpStatus, code, cause);
  }

  public TransientFailure(String message, int httpStatus) {
    this(message, httpStatus, null, null);
  }
}
