package io.syncfleet.adapters.http;

/** A marketplace's own error code and message, as read from an error body. */
public record ErrorDetail(String code, String message) {
  /** When the body says nothing useful. */
  public static ErrorDetail unknown(int status) {
    return new ErrorDetail(null, "HTTP " + status);
  }
}
