package io.syncfleet.worker.sync;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import io.syncfleet.adapters.failure.TransientFailure;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Failsafe policies around every adapter call, built once per connection and reused. Composed
 * outermost first: a short retry for passing faults, then the connection's circuit breaker (so
 * each attempt counts), then a timeout per attempt. Rate limits, authentication and permanent
 * failures pass straight through: the worker schedules, pauses or buries those instead.
 */
public final class ConnectionPolicies {
  private final Duration callTimeout;
  private final BreakerListener listener;
  private final ConcurrentMap<String, Policies> byConnection = new ConcurrentHashMap<>();

  /** Told when a connection's breaker changes state, so the fleet can see it. */
  @FunctionalInterface
  public interface BreakerListener {
    /** {@code state} is closed, open or half_open. */
    void changed(String connectionId, String state);
  }

  public ConnectionPolicies(Duration callTimeout, BreakerListener listener) {
    this.callTimeout = callTimeout;
    this.listener = listener;
  }

  /** The executor for calls on a connection. */
  public FailsafeExecutor<Object> executor(String connectionId) {
    return policies(connectionId).executor;
  }

  /** The connection's breaker (state and remaining delay, for scheduling and the dashboard). */
  public CircuitBreaker<Object> breaker(String connectionId) {
    return policies(connectionId).breaker;
  }

  private Policies policies(String connectionId) {
    return byConnection.computeIfAbsent(connectionId, id -> new Policies(id, callTimeout, listener));
  }

  private static final class Policies {
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> executor;

    Policies(String connectionId, Duration callTimeout, BreakerListener listener) {
      this.breaker = CircuitBreaker.builder()
          .handle(TransientFailure.class, TimeoutExceededException.class)
          .withFailureThreshold(5, 10)
          .withDelay(Duration.ofSeconds(30))
          .withSuccessThreshold(2)
          .onOpen(e -> listener.changed(connectionId, "open"))
          .onHalfOpen(e -> listener.changed(connectionId, "half_open"))
          .onClose(e -> listener.changed(connectionId, "closed"))
          .build();
      // A call whose own failure opened the breaker ends with that failure (spending an attempt and
      // keeping the real reason); only calls that never reached the marketplace see "circuit open".
      RetryPolicy<Object> retry = RetryPolicy.builder()
          .handle(TransientFailure.class, TimeoutExceededException.class)
          .abortIf((result, failure) -> failure != null && breaker.isOpen())
          .withMaxRetries(2)
          .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
          .withJitter(0.25)
          .build();
      Timeout<Object> timeout = Timeout.builder(callTimeout).withInterrupt().build();
      this.executor = Failsafe.with(retry, breaker, timeout);
    }
  }
}
