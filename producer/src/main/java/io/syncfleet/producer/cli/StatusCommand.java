package io.syncfleet.producer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.state.FleetStats;
import io.syncfleet.producer.state.FleetStatus;
import io.syncfleet.producer.state.LaneView;
import io.syncfleet.producer.state.MinuteCount;
import io.syncfleet.producer.state.QueueView;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
import io.syncfleet.producer.state.WorkerProcess;
import io.syncfleet.producer.state.WorkerThread;
import java.io.PrintWriter;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code syncfleet status}: the fleet at a glance (counters, queues, changes waiting in lanes, bulk
 * resyncs, workers), or as JSON.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show queue depths and ages, changes waiting per lane, running and recent resyncs, worker"
        + " processes and their threads, and the fleet's counters.")
final class StatusCommand extends CliCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print the status as JSON, for machines.")
  boolean json;

  @Option(names = "--minutes", defaultValue = "5", paramLabel = "N",
      description = "Minutes of per-minute history (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Override
  public Integer call() throws JsonProcessingException {
    SyncfleetCli cli = cli();
    FleetStatus status = FleetStatus.capture(cli.pool(), cli.keys(), cli.clock(), minutes);
    PrintWriter out = out();
    if (json) {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(status));
    } else {
      out.println("Redis " + cli.settings().describe());
      printStats(out, status.stats());
      out.println();
      printQueues(out, status);
      out.println();
      printLanes(out, status);
      out.println();
      printResyncs(out, status);
      out.println();
      printWorkers(out, status);
    }
    out.flush();
    return 0;
  }

  private static void printStats(PrintWriter out, FleetStats s) {
    out.println("Processed " + HumanFormat.count(s.processed()) + "   Failed " + HumanFormat.count(s.failed())
        + "   Enqueued " + HumanFormat.count(s.enqueued()) + "   Scheduled " + HumanFormat.count(s.scheduled())
        + "   Dead " + HumanFormat.count(s.dead()));
    if (!s.minutes().isEmpty()) {
      StringJoiner processed = new StringJoiner(" ");
      StringJoiner failed = new StringJoiner(" ");
      for (MinuteCount m : s.minutes()) {
        processed.add(HumanFormat.count(m.processed()));
        failed.add(HumanFormat.count(m.failed()));
      }
      out.println("Per minute, oldest first (last " + s.minutes().size() + "): processed " + processed
          + " | failed " + failed);
    }
  }

  private static void printQueues(PrintWriter out, FleetStatus status) {
    TextTable table = new TextTable("QUEUE", "DEPTH", "OLDEST", "STATE").alignRight(1, 2);
    for (QueueView q : status.queues()) {
      table.row(q.name(), HumanFormat.count(q.depth()),
          q.depth() > 0 && q.oldestEnqueuedAt() > 0 ? HumanFormat.age(q.latencyMillis()) : null,
          q.paused() ? "paused" : "active");
    }
    table.print(out);
  }

  private static void printLanes(PrintWriter out, FleetStatus status) {
    if (status.lanes().isEmpty()) {
      out.println("Waiting changes: none");
      return;
    }
    out.println("Waiting changes (latest per SKU, per tenant, channel and operation):");
    TextTable table = new TextTable("TENANT", "CHANNEL", "OPERATION", "WAITING", "IN FLIGHT", "COALESCED", "STALE",
        "OFFERED").alignRight(3, 4, 5, 6, 7);
    for (LaneView l : status.lanes()) {
      table.row(l.tenant(), l.channel(), l.operation(), HumanFormat.count(l.waiting()),
          HumanFormat.count(l.inFlight()), HumanFormat.count(l.coalesced()), HumanFormat.count(l.stale()),
          HumanFormat.count(l.offered()));
    }
    table.print(out);
  }

  private static void printResyncs(PrintWriter out, FleetStatus status) {
    if (status.resyncs().isEmpty()) {
      out.println("Resyncs: none recorded");
      return;
    }
    long running = status.resyncs().stream().filter(ResyncView::running).count();
    out.println("Resyncs: " + running + " running, most recent first:");
    TextTable table = new TextTable("RESYNC", "TENANT", "CHANNEL", "STATE", "DONE", "FAILED", "PENDING", "STARTED")
        .alignRight(4, 5, 6);
    for (ResyncView r : status.resyncs()) {
      for (ResyncChannelView c : r.channels()) {
        table.row(r.id(), r.tenant(), c.channel(), c.state(), HumanFormat.count(c.done()),
            HumanFormat.count(c.failed()), c.pending() == null ? c.state() : HumanFormat.count(c.pending()),
            HumanFormat.age(status.capturedAt() - r.startedAt()) + " ago");
      }
    }
    table.print(out);
  }

  private static void printWorkers(PrintWriter out, FleetStatus status) {
    long dead = status.processes().size() - status.liveProcesses();
    out.println("Workers: " + status.liveProcesses() + " live" + (dead > 0 ? ", " + dead + " dead" : "")
        + "; threads busy " + status.busyThreads() + "/" + status.totalThreads());
    if (status.processes().isEmpty()) {
      out.println("  no worker process has registered");
      return;
    }
    TextTable table = new TextTable("PROCESS", "HOST", "PID", "BUSY", "HEARTBEAT", "STATE", "QUEUES")
        .alignRight(3);
    for (WorkerProcess p : status.processes()) {
      table.row(p.id(), p.host(), p.pid(), p.busy() + "/" + p.concurrency(),
          HumanFormat.age(p.heartbeatAgeMillis()) + " ago", p.alive() ? "live" : "DEAD",
          p.queues().isEmpty() ? null : String.join(",", p.queues()));
    }
    table.print(out);
    for (WorkerProcess p : status.processes()) {
      if (!p.alive() || p.threads().isEmpty()) {
        continue;
      }
      out.println();
      out.println("Threads of " + p.id() + ":");
      TextTable threads = new TextTable("THREAD", "QUEUE", "TENANT/CHANNEL", "OP", "JOB", "RUNNING");
      for (WorkerThread t : p.threads()) {
        threads.row(t.thread(), t.queue(), t.tenant() + "/" + t.channel(), t.op(), t.jobId(),
            t.since() > 0 ? HumanFormat.age(status.capturedAt() - t.since()) : null);
      }
      threads.print(out);
    }
  }
}
