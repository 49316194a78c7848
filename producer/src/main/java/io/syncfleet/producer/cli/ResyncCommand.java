package io.syncfleet.producer.cli;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
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
 * {@code syncfleet resync}: streams a catalog (JSON lines) onto the bulk queue. Each line is checked
 * on its own; bad lines are reported with their number, skipped and counted. Good listings are
 * batched to each channel's upsert limit and enqueued in pipelined flushes, with a progress bar on
 * standard error and a summary on standard output. Exits 2 when any line was bad.
 */
@Command(name = "resync", mixinStandardHelpOptions = true,
    description = "Stream a catalog (one listing JSON per line) onto the bulk queue, batched per channel.")
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

  @Option(names = "--flush-every", defaultValue = "500", paramLabel = "JOBS",
      description = "Jobs per pipelined write (default: ${DEFAULT-VALUE}).")
  int flushEvery;

  @Override
  public Integer call() throws IOException {
    List<String> targets = new ArrayList<>(new LinkedHashSet<>(channels));
    checkTarget(targets);
    SyncfleetClient client = cli().client();
    long started = System.nanoTime();

    Map<String, Integer> limits = new HashMap<>();
    Map<String, List<Listing>> pending = new LinkedHashMap<>();
    Map<String, Long> jobsPerChannel = new LinkedHashMap<>();
    for (String channel : targets) {
      limits.put(channel, Channels.find(channel).orElseThrow().batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
      pending.put(channel, new ArrayList<>());
      jobsPerChannel.put(channel, 0L);
    }
    // A SKU twice in one catalog would race itself on the queue: the first line wins, later ones are
    // bad. Only SKUs are kept, never listings, so memory stays far below the file's size.
    Map<String, Long> skuLines = new HashMap<>();
    List<SyncJob> outbox = new ArrayList<>();
    long lines = 0;
    long good = 0;
    long bad = 0;

    try (CatalogFile catalog = CatalogFile.open(file)) {
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
          for (String channel : targets) {
            List<Listing> batch = pending.get(channel);
            batch.add(line.listing());
            if (batch.size() == limits.get(channel)) {
              outbox.add(SyncJob.create(tenant, channel, Operation.UPSERT_LISTINGS, Queue.BULK, batch,
                  cli().clock().millis()));
              jobsPerChannel.merge(channel, 1L, Long::sum);
              pending.put(channel, new ArrayList<>());
            }
          }
          if (outbox.size() >= flushEvery) {
            client.enqueueAll(outbox);
            outbox.clear();
          }
        }
        bar.update(catalog.bytesRead(), lines);
      }
      for (String channel : targets) {
        if (!pending.get(channel).isEmpty()) {
          outbox.add(SyncJob.create(tenant, channel, Operation.UPSERT_LISTINGS, Queue.BULK,
              pending.get(channel), cli().clock().millis()));
          jobsPerChannel.merge(channel, 1L, Long::sum);
        }
      }
      client.enqueueAll(outbox);
      bar.finish();
    }
    if (bad > BAD_LINES_SHOWN) {
      err().println("(" + HumanFormat.count(bad - BAD_LINES_SHOWN) + " more bad lines not shown)");
      err().flush();
    }
    summarize(lines, good, bad, jobsPerChannel, (System.nanoTime() - started) / 1_000_000);
    return bad > 0 ? SyncfleetCli.INVALID_INPUT : 0;
  }

  /** The tenant and channels are checked once, before a line is read. */
  private void checkTarget(List<String> targets) {
    List<Problem> problems = new ArrayList<>();
    for (String channel : targets) {
      SyncJob probe = SyncJob.create(tenant, channel, Operation.UPSERT_LISTINGS, Queue.BULK, List.of(), 0);
      for (Problem p : JobValidator.validate(probe)) {
        if (!p.field().startsWith("items") && !problems.contains(p)) {
          problems.add(p);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
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

  private void summarize(long lines, long good, long bad, Map<String, Long> jobsPerChannel, long millis) {
    long jobs = jobsPerChannel.values().stream().mapToLong(Long::longValue).sum();
    StringJoiner perChannel = new StringJoiner(", ");
    jobsPerChannel.forEach((channel, n) -> perChannel.add(channel + " " + HumanFormat.count(n)));
    out().println("resync " + tenant + ": " + EnqueueCommand.plural(good, "listing") + " from "
        + EnqueueCommand.plural(lines, "line") + ", " + EnqueueCommand.plural(bad, "bad line") + " skipped; "
        + EnqueueCommand.plural(jobs, "job") + " on " + Queue.BULK.queueName() + " (" + perChannel + ") in "
        + HumanFormat.clock(millis));
    out().flush();
  }
}
