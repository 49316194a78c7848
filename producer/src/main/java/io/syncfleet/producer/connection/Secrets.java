package io.syncfleet.producer.connection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connection's credentials, decrypted, in memory only. Its {@code toString} never shows a value,
 * so a secret cannot reach a log line by accident.
 */
public final class Secrets {
  private static final Secrets NONE = new Secrets(Map.of());
  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Secrets of(Map<String, String> values) {
    return values.isEmpty() ? NONE : new Secrets(values);
  }

  public static Secrets none() {
    return NONE;
  }

  /** The value of a credential, if present. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of a credential the caller cannot work without. */
  public String require(String name) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) {
      throw new MissingCredentialException(name);
    }
    return v;
  }

  /** The names (never the values) of the credentials present. */
  public Set<String> names() {
    return values.keySet();
  }

  Map<String, String> asMap() {
    return values;
  }

  /** Every value, for redacting them out of text that might echo one (e.g. an error body). */
  public Iterable<String> values() {
    return values.values();
  }

  @Override
  public String toString() {
    return "Secrets" + names() + "(redacted)";
  }
}
