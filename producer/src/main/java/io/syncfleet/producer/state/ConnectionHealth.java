package io.syncfleet.producer.state;

import com.fasterxml.jackson.annotation.JsonValue;
import io.syncfleet.producer.connection.ConnectionState;
import java.util.Locale;

/** The one thing that matters most about a connection now, worst first. */
public enum ConnectionHealth {
  /** Its credentials were refused: its jobs are parked until it is fixed and resumed. */
  PAUSED,
  /** A worker's circuit breaker is open: calls are held back until the marketplace recovers. */
  CIRCUIT_OPEN,
  /** Its last call failed. */
  FAILING,
  /** Its last call worked. */
  HEALTHY,
  /** No call has been made on it yet. */
  UNUSED;

  /** The verdict for a connection in {@code state}. */
  public static ConnectionHealth of(ConnectionState state) {
    if (state.paused()) {
      return PAUSED;
    }
    if ("open".equals(state.circuit())) {
      return CIRCUIT_OPEN;
    }
    if (state.lastErrorAt() > state.lastSuccessAt()) {
      return FAILING;
    }
    return state.lastSuccessAt() > 0 ? HEALTHY : UNUSED;
  }

  /** Lower-case name, as the JSON API and the CLI show it. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
