package io.syncfleet.producer.cli;

import io.syncfleet.producer.job.ChannelSpec;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The job contract's rules for one listing on its own, so a streamed catalog can skip a bad line
 * instead of failing the whole batch it would have joined. The rules are {@link JobValidator}'s,
 * applied to a one-item job; field paths are the listing's own ({@code price}, {@code title}).
 */
final class ListingCheck {
  private static final String ITEM = "items[0]";
  private static final String PROBE_TENANT = "probe";
  private static final String PROBE_CHANNEL = Channels.all().stream()
      .filter(spec -> spec.supports(Operation.UPSERT_LISTINGS)).map(ChannelSpec::id).findFirst().orElseThrow();

  private ListingCheck() {}

  /** Every problem with the listing; empty when it may be enqueued. */
  static List<Problem> problems(Listing listing) {
    SyncJob probe = SyncJob.create(PROBE_TENANT, PROBE_CHANNEL, Operation.UPSERT_LISTINGS, Queue.BULK,
        List.of(listing), 0);
    List<Problem> out = new ArrayList<>();
    for (Problem p : JobValidator.validate(probe)) {
      if (p.field().equals(ITEM)) {
        out.add(new Problem("listing", p.message()));
      } else if (p.field().startsWith(ITEM + ".")) {
        out.add(new Problem(p.field().substring(ITEM.length() + 1), p.message()));
      }
    }
    return out;
  }
}
