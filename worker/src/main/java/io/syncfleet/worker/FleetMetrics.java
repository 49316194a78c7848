package io.syncfleet.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The worker's Prometheus metrics, named in one place: jobs and items by channel, operation and
 * outcome; adapter call latency; enqueue-to-start wait; marketplace failures by kind; and per
 * connection, the flow control: slots taken, time waited for them, deferrals, 429s, coalesced changes.
 */
public final class FleetMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A job ended: done, retried, dead, parked or postponed. */
  public void job(String channel, String operation, String outcome) {
    Counter.builder("syncfleet.jobs").description("Sync jobs by how they ended")
        .tags("channel", channel, "operation", operation, "outcome", outcome)
        .register(registry).increment();
  }

  /** Items of a job ended: done, retried or failed. */
  public void items(String channel, String operation, String outcome, int count) {
    if (count > 0) {
      Counter.builder("syncfleet.items").description("Items by outcome")
          .tags("channel", channel, "operation", operation, "outcome", outcome)
          .register(registry).increment(count);
    }
  }

  /** One adapter call (all in-call retries included) took {@code took}. */
  public void call(String channel, String operation, Duration took) {
    Timer.builder("syncfleet.adapter.call").description("Adapter call latency")
        .tags("channel", channel, "operation", operation)
        .publishPercentileHistogram()
        .register(registry).record(took);
  }

  /** A job waited {@code waited} between enqueue and start. */
  public void waited(String queue, Duration waited) {
    Timer.builder("syncfleet.job.wait").description("Enqueue-to-start latency")
        .tags("queue", queue)
        .publishPercentileHistogram()
        .register(registry).record(waited);
  }

  /** The marketplace failed a call: rate_limited, transient, permanent, authentication, circuit_open. */
  public void failure(String channel, String kind) {
    Counter.builder("syncfleet.marketplace.failures").description("Marketplace failures by kind")
        .tags("channel", channel, "kind", kind)
        .register(registry).increment();
  }

  /** A payload could not be run at all (malformed, unknown class). */
  public void unreadable() {
    Counter.builder("syncfleet.jobs.unreadable").description("Payloads that could not be read as jobs")
        .register(registry).increment();
  }

  /** A call on a connection got a rate-limit slot after waiting {@code waited}. */
  public void token(String tenant, String channel, String operation, Duration waited) {
    Timer.builder("syncfleet.ratelimit.wait").description("Time waited for a fleet-wide rate-limit slot")
        .tags("tenant", tenant, "channel", channel, "operation", operation)
        .register(registry).record(waited);
  }

  /** No slot came soon enough: the batch went back to wait for one. */
  public void deferred(String tenant, String channel, String operation) {
    Counter.builder("syncfleet.ratelimit.deferred").description("Batches sent back to wait for a rate-limit slot")
        .tags("tenant", tenant, "channel", channel, "operation", operation)
        .register(registry).increment();
  }

  /** The marketplace answered a connection's call with 429 or its throttle signal. */
  public void throttled(String tenant, String channel, String operation) {
    Counter.builder("syncfleet.ratelimit.throttled").description("Calls the marketplace throttled (429s)")
        .tags("tenant", tenant, "channel", channel, "operation", operation)
        .register(registry).increment();
  }

  /** Changes admitted into a lane replaced {@code count} changes still waiting there. */
  public void coalesced(String tenant, String channel, String operation, long count) {
    if (count > 0) {
      Counter.builder("syncfleet.lane.coalesced").description("Changes replaced by a newer one before being sent")
          .tags("tenant", tenant, "channel", channel, "operation", operation)
          .register(registry).increment(count);
    }
  }
}
