package io.syncfleet.adapters.http;

/** Reads a marketplace's error shape out of a failed response; one per adapter. */
@FunctionalInterface
public interface ErrorReader {
  /** The code and message in {@code response}; never null. */
  ErrorDetail read(HttpResult response);
}
