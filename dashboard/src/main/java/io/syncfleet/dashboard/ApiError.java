package io.syncfleet.dashboard;

/** A request the dashboard refuses: the HTTP status and the reason shown to the caller. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
