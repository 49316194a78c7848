package io.syncfleet.adapters.http;

/**
 * Told what marketplaces say about the remaining rate allowance. Called synchronously on the thread
 * that made the call, before the call returns or throws, so a caller can attribute it to the
 * connection and operation it is working on; it must be quick and should not throw.
 */
@FunctionalInterface
public interface AllowanceListener {
  /** Ignores every report. */
  AllowanceListener NONE = allowance -> { };

  /** One answer's statement about the allowance. */
  void observed(Allowance allowance);
}
