package io.syncfleet.producer.job;

/** One thing wrong with a job, with the path of the offending field (e.g. {@code items[3].sku}). */
public record Problem(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
