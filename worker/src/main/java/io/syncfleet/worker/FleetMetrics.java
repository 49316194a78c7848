package io.syncfleet.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The worker's Prometheus metrics, named in one place: jobs and items by channel, operation and
 * outcome; adapter call latency; enqueue-to-start wait; marketplace failures by kind.
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
}
