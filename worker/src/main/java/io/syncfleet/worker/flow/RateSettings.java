package io.syncfleet.worker.flow;

import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Operation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection's limits: the adapter's declared rate plan per operation unless the connection
 * overrides it (a merchant on a higher tier, a marketplace that grants more), and its cap on
 * parallel calls. Settings: {@code rate.<operation>} or {@code rate} (all operations), each
 * {@code <per second>} or {@code <per second>/<burst>}; {@code concurrency} = parallel calls.
 */
public final class RateSettings {
  /** Setting for every operation's rate. */
  public static final String RATE = "rate";
  /** Setting for the fleet's parallel calls on the connection. */
  public static final String CONCURRENCY = "concurrency";
  /**
   * Share of a rate the fleet aims at: calls leave at exact intervals here but arrive with network
   * jitter there, and a bucket run at exactly its limit answers some of them 429.
   */
  public static final double HEADROOM = 0.97;

  private RateSettings() {}

  /** The plan the fleet enforces for {@code op} on {@code c}, if any (none: unlimited). */
  public static Optional<RatePlan> plan(Connection c, Operation op, Capabilities capabilities) {
    Optional<String> override = c.setting(RATE + "." + op.wireName()).or(() -> c.setting(RATE));
    Optional<RatePlan> base = override.isPresent()
        ? Optional.of(parse(override.get(), "connection setting"))
        : capabilities.ratePlan(op);
    return base.map(p -> new RatePlan(p.permitsPerSecond() * HEADROOM, p.burst(), p.source()));
  }

  /** The connection's cap on parallel calls, if it has one. */
  public static OptionalInt concurrency(Connection c) {
    Optional<String> raw = c.setting(CONCURRENCY);
    if (raw.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int cap = Integer.parseInt(raw.get().trim());
      if (cap < 1) {
        throw new IllegalArgumentException(CONCURRENCY + " must be at least 1, was " + cap);
      }
      return OptionalInt.of(cap);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(CONCURRENCY + " must be a whole number, was '" + raw.get() + "'");
    }
  }

  /** {@code 50} or {@code 50/10}: calls per second and burst (default: one second's worth, at least 1). */
  public static RatePlan parse(String raw, String source) {
    String[] parts = raw.trim().split("/", -1);
    try {
      double perSecond = Double.parseDouble(parts[0].trim());
      int burst = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : (int) Math.max(1, Math.floor(perSecond));
      if (parts.length > 2 || !(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1) {
        throw new NumberFormatException();
      }
      return new RatePlan(perSecond, burst, source + " " + raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate must be '<calls per second>' or '<calls per second>/<burst>' "
          + "with positive numbers, was '" + raw + "'");
    }
  }
}
