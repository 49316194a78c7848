package io.syncfleet.dashboard;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.FleetStatus;
import io.syncfleet.producer.state.LaneView;
import io.syncfleet.producer.state.LanesView;
import io.syncfleet.producer.state.QueueView;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
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
 * latency and pause flag; jobs scheduled and dead; worker processes and threads; per lane the
 * changes waiting and in flight, with its offered, coalesced and stale counts as counters; per
 * running resync the items done, failed and pending. The fleet's state is read on each scrape
 * through the read model, so the numbers are as fresh as the scrape; a queue that disappears or a
 * resync that stops running loses its series, while a lane keeps its series once seen, so its
 * counters do not vanish when it empties.
 */
final class QueueGauges {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;
  private final Map<String, List<Meter>> queueMeters = new HashMap<>();
  private final Map<String, List<Meter>> laneMeters = new HashMap<>();
  private final Map<String, List<Meter>> resyncMeters = new HashMap<>();
  private volatile FleetStatus latest;
  private volatile Map<String, LaneView> lanes = Map.of();
  private volatile Map<String, ResyncChannelView> resyncs = Map.of();

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
    scrapeLanes();
    scrapeResyncs();
    return registry.scrape();
  }

  private void scrapeLanes() {
    Map<String, LaneView> read = new HashMap<>();
    for (LaneView l : new LanesView(pool, keys).allAnd(laneMeters.keySet())) {
      read.put(l.id(), l);
    }
    lanes = read;
    for (LaneView l : read.values()) {
      laneMeters.computeIfAbsent(l.id(), id -> registerLane(l));
    }
  }

  private List<Meter> registerLane(LaneView lane) {
    String id = lane.id();
    List<Tag> tags = List.of(Tag.of("tenant", lane.tenant()), Tag.of("channel", lane.channel()),
        Tag.of("operation", lane.operation()));
    return List.of(
        Gauge.builder("syncfleet.lane.waiting", this, g -> g.lane(id, LaneView::waiting))
            .description("SKUs with a change waiting in the lane (the latest per SKU)").tags(tags).register(registry),
        Gauge.builder("syncfleet.lane.in.flight", this, g -> g.lane(id, LaneView::inFlight))
            .description("SKUs of the lane being sent right now").tags(tags).register(registry),
        FunctionCounter.builder("syncfleet.lane.offered", this, g -> g.lane(id, LaneView::offered))
            .description("Changes accepted into the lane").tags(tags).register(registry),
        FunctionCounter.builder("syncfleet.lane.coalesced", this, g -> g.lane(id, LaneView::coalesced))
            .description("Changes that replaced one still waiting for the same SKU (calls saved)").tags(tags)
            .register(registry),
        FunctionCounter.builder("syncfleet.lane.stale", this, g -> g.lane(id, LaneView::stale))
            .description("Changes refused because a newer version of the SKU was already accepted").tags(tags)
            .register(registry));
  }

  private double lane(String id, ToDoubleFunction<LaneView> value) {
    LaneView l = lanes.get(id);
    return l == null ? Double.NaN : value.applyAsDouble(l);
  }

  /** One series set per tenant and channel: at most one resync runs on a channel at a time. */
  private void scrapeResyncs() {
    Map<String, ResyncChannelView> running = new HashMap<>();
    Map<String, String[]> labels = new HashMap<>();
    for (ResyncView r : latest.resyncs()) {
      for (ResyncChannelView c : r.channels()) {
        if (c.running()) {
          running.put(r.tenant() + "/" + c.channel(), c);
          labels.put(r.tenant() + "/" + c.channel(), new String[] {r.tenant(), c.channel()});
        }
      }
    }
    resyncs = running;
    for (Map.Entry<String, String[]> e : labels.entrySet()) {
      resyncMeters.computeIfAbsent(e.getKey(), k -> registerResync(k, e.getValue()[0], e.getValue()[1]));
    }
    resyncMeters.keySet().removeIf(k -> {
      if (running.containsKey(k)) {
        return false;
      }
      resyncMeters.get(k).forEach(registry::remove);
      return true;
    });
  }

  private List<Meter> registerResync(String key, String tenant, String channel) {
    List<Meter> meters = new ArrayList<>();
    Map<String, ToDoubleFunction<ResyncChannelView>> states = Map.of("done", ResyncChannelView::done,
        "failed", ResyncChannelView::failed, "pending", ResyncChannelView::outstanding);
    for (Map.Entry<String, ToDoubleFunction<ResyncChannelView>> s : states.entrySet()) {
      ToDoubleFunction<ResyncChannelView> value = s.getValue();
      meters.add(Gauge.builder("syncfleet.resync.items", this, g -> {
        ResyncChannelView c = g.resyncs.get(key);
        return c == null ? Double.NaN : value.applyAsDouble(c);
      }).description("Items of the running resync: done, failed, or pending (offered, not ended yet)")
          .tags("tenant", tenant, "channel", channel, "state", s.getKey()).register(registry));
    }
    return meters;
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
