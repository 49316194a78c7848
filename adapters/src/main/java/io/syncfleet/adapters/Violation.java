package io.syncfleet.adapters;

/** A listing rule of a marketplace that an item breaks, e.g. {@code title} longer than 80. */
public record Violation(String field, String rule, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
