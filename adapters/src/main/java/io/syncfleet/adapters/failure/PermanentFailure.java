package io.syncfleet.adapters.failure;

/**
 * The marketplace refused the whole request for a reason retrying will not change (bad request,
 * unknown resource); carries the marketplace's own code and message for the dead set.
 */
public final class PermanentFailure extends SyncFailure {
  private static final long serialVersionUID = 1L;

  public PermanentFailure(String message, int httpStatus, String code) {
    super(message, httpStatus, code, null);
  }
}
