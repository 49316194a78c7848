package io.syncfleet.producer.cli;

import io.syncfleet.producer.OfferReceipt;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.resync.Resyncs;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
import io.syncfleet.producer.state.ResyncsView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code syncfleet resync}: streams a catalog (JSON lines) into the tenant's lanes as a bulk resync
 * with a record of its own. The resync is refused (exit 3) while another one runs on any of the
 * channels. Each line is checked on its own; bad lines are reported with their number, skipped and
 * counted. Good listings are offered in chunks to each channel, with a progress bar of the bytes
 * read on standard error and a summary on standard output; {@code --wait} then follows the record
 * until the workers have sent everything. Exits 2 when any line was bad.
 */
@Command(name = "resync", mixinStandardHelpOptions = true,
    description = {"Stream a catalog (one listing JSON per line) to channels as a bulk resync.",
        "Refused (exit 3) while another resync of the tenant runs on any of the channels."})
final class ResyncCommand extends CliCommand implements Callable<Integer> {
  /** Bad lines printed one by one; past this only the count grows, so a broken file cannot flood. */
  private static final int BAD_LINES_SHOWN = 100;

  @Option(names = "--file", required = true, description = "The catalog, JSON lines.")
  Path file;

  @Option(names = "--tenant", required = true, description = "The merchant.")
  String tenant;

  @Option(names = "--channels", required = true, split = ",", paramLabel = "CHANNEL",
      description = "Comma-separated channel ids, e.g. ebay,shopify.")
  List<String> channels;

  @Option(names = "--wait", description = "After offering, follow the resync until every channel has finished.")
  boolean await;

  @Option(names = "--poll-millis", hidden = true, defaultValue = "1000",
      description = "How often --wait reads the record.")
  long pollMillis;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> targets = new ArrayList<>(new LinkedHashSet<>(channels));
    Resyncs.check(tenant, targets);
    SyncfleetClient client = cli().client();
    Resyncs resyncs = new Resyncs(cli().pool(), cli().keys(), cli().clock());
    long started = System.nanoTime();

    try (CatalogFile catalog = CatalogFile.open(file)) {
      Resyncs.Started resync = resyncs.start(tenant, targets, file.toString());
      String id = resync.id();
      err().println("resync " + id + ": " + tenant + " on " + String.join(", ", targets));
      for (String old : resync.takenOver()) {
        err().println("took over resync " + old + ": its offering process stopped sending heartbeats");
      }
      err().flush();
      Streamed streamed;
      // Ctrl-C while offering releases the channels at once instead of after the heartbeat lapses.
      Thread onExit = new Thread(() -> abandonQuietly(resyncs, id, "the resync command was stopped"));
      Runtime.getRuntime().addShutdownHook(onExit);
      try {
        streamed = stream(catalog, client, resyncs, id, targets);
        for (String channel : targets) {
          resyncs.offered(id, tenant, channel, streamed.offered().get(channel));
        }
      } catch (IOException | RuntimeException e) {
        if (!abandonQuietly(resyncs, id, "offering stopped: " + e.getMessage())) {
          err().println("resync " + id + " could not be marked abandoned; the next resync of these channels takes"
              + " it over once its heartbeat is " + Resyncs.STALE_AFTER.toSeconds() + " s old");
        }
        throw e;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or has run; nothing to remove.
        }
      }
      if (streamed.bad() > BAD_LINES_SHOWN) {
        err().println("(" + HumanFormat.count(streamed.bad() - BAD_LINES_SHOWN) + " more bad lines not shown)");
        err().flush();
      }
      summarize(id, streamed, (System.nanoTime() - started) / 1_000_000);
      int code = streamed.bad() > 0 ? SyncfleetCli.INVALID_INPUT : 0;
      if (await) {
        ResyncView end = follow(id);
        if (!ResyncChannelView.FINISHED.equals(end.state()) && code == 0) {
          code = SyncfleetCli.FAILED;
        }
      }
      return code;
    }
  }

  /**
   * What streaming the file gave.
   *
   * @param offered per channel, the items offered (the resync's total there)
   */
  private record Streamed(long lines, long good, long bad, Map<String, Long> offered, long stale) {}

  private Streamed stream(CatalogFile catalog, SyncfleetClient client, Resyncs resyncs, String id,
      List<String> targets) throws IOException {
    Map<String, Long> offered = new LinkedHashMap<>();
    targets.forEach(c -> offered.put(c, 0L));
    long[] stale = new long[1];
    // A SKU twice in one catalog would be offered twice under one resync, and the record could never
    // count its total: the first line wins, later ones are bad. Only SKUs are kept, never listings,
    // so memory stays far below the file's size.
    Map<String, Long> skuLines = new HashMap<>();
    List<Listing> chunk = new ArrayList<>(Lanes.CHUNK);
    long lines = 0;
    long good = 0;
    long bad = 0;
    long heartbeatNanos = Resyncs.HEARTBEAT_EVERY.toNanos();
    long lastBeat = System.nanoTime();

    ProgressBar bar = new ProgressBar("resync", catalog.size(), err(), System.console() != null)
        .showBytes().countItems("lines");
    for (CatalogFile.Line line = catalog.next(); line != null; line = catalog.next()) {
      lines++;
      String problem = problemWith(line, skuLines);
      if (problem != null) {
        bad++;
        if (bad <= BAD_LINES_SHOWN) {
          bar.message("line " + line.number() + ": " + problem);
        }
      } else {
        good++;
        chunk.add(line.listing());
        if (chunk.size() == Lanes.CHUNK) {
          offer(client, id, targets, chunk, offered, stale);
          chunk.clear();
        }
      }
      bar.update(catalog.bytesRead(), lines);
      if (System.nanoTime() - lastBeat >= heartbeatNanos) {
        beat(resyncs, id, offered);
        lastBeat = System.nanoTime();
      }
    }
    if (!chunk.isEmpty()) {
      offer(client, id, targets, chunk, offered, stale);
    }
    bar.finish();
    return new Streamed(lines, good, bad, offered, stale[0]);
  }

  private void offer(SyncfleetClient client, String id, List<String> targets, List<Listing> chunk,
      Map<String, Long> offered, long[] stale) {
    for (String channel : targets) {
      OfferReceipt receipt = client.offer(tenant, List.of(channel), Operation.UPSERT_LISTINGS, Queue.BULK,
          chunk, id);
      // A stale item is counted superseded at once, so it belongs to the total like an accepted one.
      offered.merge(channel, receipt.of(channel).offered() + receipt.of(channel).stale(), Long::sum);
      stale[0] += receipt.of(channel).stale();
    }
  }

  private void beat(Resyncs resyncs, String id, Map<String, Long> offered) {
    if (!resyncs.heartbeat(id, offered)) {
      throw new IllegalStateException("resync " + id + " was abandoned or taken over while offering (its"
          + " heartbeat lapsed for " + Resyncs.STALE_AFTER.toSeconds() + " s); stopped");
    }
  }

  private boolean abandonQuietly(Resyncs resyncs, String id, String reason) {
    try {
      resyncs.abandon(id, tenant, reason);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Follows the record until no channel runs, with done / failed / pending on a progress bar. */
  private ResyncView follow(String id) throws InterruptedException {
    ResyncsView view = new ResyncsView(cli().pool(), cli().keys(), cli().clock());
    ResyncView r = view.get(id).orElseThrow(() -> new IllegalStateException("resync " + id + " has no record"));
    ProgressBar bar = new ProgressBar("sending", r.total(), err(), System.console() != null);
    while (true) {
      // Summed over the channels, so the line stays short enough to redraw in place.
      long ended = r.channels().stream().mapToLong(ResyncChannelView::ended).sum();
      bar.note("done " + HumanFormat.count(r.channels().stream().mapToLong(ResyncChannelView::done).sum())
          + " failed " + HumanFormat.count(r.channels().stream().mapToLong(ResyncChannelView::failed).sum())
          + " pending " + HumanFormat.count(r.channels().stream().mapToLong(ResyncChannelView::outstanding).sum()));
      bar.update(ended);
      if (!r.running()) {
        break;
      }
      Thread.sleep(pollMillis);
      r = view.get(id).orElseThrow(() -> new IllegalStateException("resync " + id + " has no record any more"));
    }
    bar.finish();
    for (ResyncChannelView c : r.channels()) {
      out().println("  " + c.channel() + ": " + c.state() + ", " + counts(c)
          + (c.superseded() > 0 ? ", " + HumanFormat.count(c.superseded()) + " superseded" : ""));
    }
    if (r.error() != null) {
      out().println("  " + r.error());
    }
    if (r.channels().stream().anyMatch(c -> c.failed() > 0)) {
      out().println("  failed items are in the dead set: syncfleet dead list");
    }
    out().flush();
    return r;
  }

  private static String counts(ResyncChannelView c) {
    return "done " + HumanFormat.count(c.done()) + " failed " + HumanFormat.count(c.failed()) + " pending "
        + (c.pending() == null ? "offering" : HumanFormat.count(c.pending()));
  }

  private static String problemWith(CatalogFile.Line line, Map<String, Long> skuLines) {
    if (line.problem() != null) {
      return line.problem();
    }
    List<Problem> problems = ListingCheck.problems(line.listing());
    if (!problems.isEmpty()) {
      StringJoiner joined = new StringJoiner("; ");
      problems.forEach(p -> joined.add(p.toString()));
      return joined.toString();
    }
    Long first = skuLines.putIfAbsent(line.listing().sku(), line.number());
    return first == null ? null : "SKU '" + line.listing().sku() + "' already on line " + first;
  }

  private void summarize(String id, Streamed s, long millis) {
    StringJoiner perChannel = new StringJoiner(", ");
    s.offered().forEach((channel, n) -> perChannel.add(channel + " " + HumanFormat.count(n)));
    out().println("resync " + id + " of " + tenant + ": " + EnqueueCommand.plural(s.good(), "listing") + " from "
        + EnqueueCommand.plural(s.lines(), "line") + ", " + EnqueueCommand.plural(s.bad(), "bad line")
        + " skipped; offered as bulk work (" + perChannel + ") in " + HumanFormat.clock(millis)
        + (s.stale() > 0 ? "; " + HumanFormat.count(s.stale()) + " older than changes already sent" : ""));
    out().flush();
  }
}
