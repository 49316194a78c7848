package io.syncfleet.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.FleetStatus;
import io.syncfleet.producer.state.QueueView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import redis.clients.jedis.JedisPool;

/**
 * The gauges Prometheus scrapes from the dashboard's {@code /metrics}, for alerts and autoscaling
 * (scale workers on a queue's depth or on how long its oldest job has waited): per queue depth,
 * latency and pause flag; jobs scheduled and dead; worker processes and threads. The fleet's state
 * is read once per scrape through the read model, so the numbers are as fresh as the scrape, and a
 * queue that disappears loses its series.
 */
final class QueueGauges {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;
  private final Map<String, List<Meter>> queueMeters = new HashMap<>();
  private volatile FleetStatus latest;

  QueueGauges(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
    fleetGauge("syncfleet.jobs.scheduled", "Jobs waiting on the schedule (retries, postponed work)",
        s -> s.stats().scheduled());
    fleetGauge("syncfleet.jobs.dead", "Jobs in the dead set", s -> s.stats().dead());
    fleetGauge("syncfleet.worker.processes", "Worker processes with a recent heartbeat", FleetStatus::liveProcesses);
    fleetGauge("syncfleet.worker.threads", "Worker threads across live processes", FleetStatus::totalThreads);
    fleetGauge("syncfleet.worker.threads.busy", "Worker threads running a job", FleetStatus::busyThreads);
  }

  /** Reads the fleet's state and renders every gauge in Prometheus text format. */
  synchronized String scrape() {
    latest = FleetStatus.capture(pool, keys, clock, 0);
    List<String> seen = new ArrayList<>();
    for (QueueView q : latest.queues()) {
      seen.add(q.name());
      queueMeters.computeIfAbsent(q.name(), this::register);
    }
    queueMeters.keySet().removeIf(name -> {
      if (seen.contains(name)) {
        return false;
      }
      queueMeters.get(name).forEach(registry::remove);
      return true;
    });
    return registry.scrape();
  }

  private List<Meter> register(String queue) {
    return List.of(
        Gauge.builder("syncfleet.queue.depth", this, g -> g.queue(queue, QueueView::depth))
            .description("Jobs waiting on the queue").tag("queue", queue).register(registry),
        Gauge.builder("syncfleet.queue.latency", this, g -> g.queue(queue, q -> q.latencyMillis() / 1000.0))
            .description("How long the queue's oldest job has waited").baseUnit("seconds")
            .tag("queue", queue).register(registry),
        Gauge.builder("syncfleet.queue.paused", this, g -> g.queue(queue, q -> q.paused() ? 1 : 0))
            .description("1 while workers do not poll the queue").tag("queue", queue).register(registry));
  }

  private double queue(String name, ToDoubleFunction<QueueView> value) {
    FleetStatus s = latest;
    if (s != null) {
      for (QueueView q : s.queues()) {
        if (q.name().equals(name)) {
          return value.applyAsDouble(q);
        }
      }
    }
    return Double.NaN;
  }

  private void fleetGauge(String name, String description, ToDoubleFunction<FleetStatus> value) {
    Gauge.builder(name, this, g -> g.latest == null ? Double.NaN : value.applyAsDouble(g.latest))
        .description(description).register(registry);
  }
}
