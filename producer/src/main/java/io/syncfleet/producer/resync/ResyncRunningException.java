package io.syncfleet.producer.resync;

import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A resync was refused because another one is still running on one of its channels: its message
 * names that resync, its progress per blocked channel and when it started.
 */
public class ResyncRunningException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final transient List<Blocker> blockers;

  /**
   * One channel that is held.
   *
   * @param channel the channel asked for
   * @param id      the id of the resync holding it
   * @param running that resync's record (null when it could not be read)
   */
  public record Blocker(String channel, String id, ResyncView running) {}

  public ResyncRunningException(String tenant, List<Blocker> blockers, long now) {
    super(message(tenant, blockers, now));
    this.blockers = List.copyOf(blockers);
  }

  /** The channels held and who holds them. */
  public List<Blocker> blockers() {
    return blockers;
  }

  private static String message(String tenant, List<Blocker> blockers, long now) {
    StringJoiner out = new StringJoiner("; ");
    for (Blocker b : blockers) {
      StringBuilder line = new StringBuilder("resync " + b.id() + " is still running for " + tenant + " on "
          + b.channel());
      ResyncView r = b.running();
      ResyncChannelView c = r == null ? null
          : r.channels().stream().filter(x -> x.channel().equals(b.channel())).findFirst().orElse(null);
      if (c != null) {
        line.append(" (").append(c.state()).append(": ");
        if (ResyncChannelView.OFFERING.equals(c.state())) {
          line.append(count(c.total())).append(" offered so far");
        } else {
          line.append(count(c.pending() == null ? c.outstanding() : c.pending())).append(" pending of ")
              .append(count(c.total()));
        }
        line.append(", ").append(count(c.done())).append(" done, ").append(count(c.failed())).append(" failed, ")
            .append(count(c.superseded())).append(" superseded; started ")
            .append(AT.format(Instant.ofEpochMilli(r.startedAt()))).append(", ")
            .append(ago(now - r.startedAt())).append(')');
      }
      out.add(line);
    }
    return out + ". A resync of the same channels starts once it has finished.";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String ago(long millis) {
    long s = Math.max(0, millis) / 1000;
    if (s < 60) {
      return s + "s ago";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds ago", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm ago", s / 3600, (s % 3600) / 60);
  }
}
