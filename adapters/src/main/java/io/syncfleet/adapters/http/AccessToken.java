package io.syncfleet.adapters.http;

import java.time.Instant;

/** A bearer token and when it stops working. {@code toString} never shows the value. */
public record AccessToken(String value, Instant expiresAt) {
  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
