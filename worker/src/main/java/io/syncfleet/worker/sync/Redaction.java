package io.syncfleet.worker.sync;

import io.syncfleet.producer.connection.Secrets;

/** Removes a connection's secret values from text that may echo them (marketplace error bodies). */
public final class Redaction {
  private Redaction() {}

  /** {@code text} with every secret value of {@code secrets} replaced. */
  public static String redact(String text, Secrets secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String value : secrets.values()) {
      if (value != null && value.length() >= 4) {
        out = out.replace(value, "[redacted]");
      }
    }
    return out;
  }
}
