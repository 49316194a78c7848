package io.syncfleet.producer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.state.DeadJobs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code syncfleet dead ...}: jobs that cannot succeed, with the reason, to retry or remove. */
@Command(name = "dead", mixinStandardHelpOptions = true,
    description = "List, show, retry and remove dead jobs.",
    subcommands = {DeadCommand.ListDead.class, DeadCommand.Show.class, DeadCommand.Retry.class,
        DeadCommand.Remove.class})
final class DeadCommand {

  static DeadJobs deadJobs(CliCommand command) {
    SyncfleetCli cli = command.cli();
    return new DeadJobs(cli.pool(), cli.keys(), cli.clock());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead jobs, newest first.")
  static final class ListDead extends CliCommand implements Callable<Integer> {
    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "Skip the newest N.")
    int offset;

    @Override
    public Integer call() {
      DeadJobs dead = deadJobs(this);
      long total = dead.size();
      List<DeadJob> page = dead.page(offset, limit);
      PrintWriter out = out();
      if (page.isEmpty()) {
        out.println(total == 0 ? "no dead jobs" : "no dead jobs past the newest " + offset + " of " + total);
        out.flush();
        return 0;
      }
      long now = cli().clock().millis();
      TextTable table = new TextTable("ID", "DIED", "QUEUE", "CONNECTION", "OP", "ATTEMPTS", "REASON")
          .alignRight(5);
      for (DeadJob d : page) {
        String reason = d.reason();
        if (d.errorCode() != null || d.errorMessage() != null) {
          reason += " (" + (d.errorCode() != null ? d.errorCode() + ": " : "")
              + (d.errorMessage() != null ? d.errorMessage() : "") + ")";
        }
        table.row(d.id(), d.failedAt() > 0 ? HumanFormat.age(now - d.failedAt()) + " ago" : null, d.queue(),
            d.tenant() != null ? d.tenant() + "/" + d.channel() : null, d.operation(), d.attempts(), reason);
      }
      table.print(out);
      out.println(page.size() + " of " + HumanFormat.count(total) + " shown, newest first; details: syncfleet dead show ID");
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one dead job's full record.")
  static final class Show extends CliCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The dead job's id.")
    String id;

    @Override
    public Integer call() throws JsonProcessingException {
      DeadJob dead = deadJobs(this).get(id)
          .orElseThrow(() -> new IllegalArgumentException("no dead job " + id));
      ObjectNode node = Json.MAPPER.valueToTree(dead);
      // Show a JSON payload as JSON rather than as one escaped string.
      if (dead.payload() != null) {
        try {
          node.set("payload", Json.MAPPER.readTree(dead.payload()));
        } catch (JsonProcessingException e) {
          node.put("payload", dead.payload());
        }
      }
      out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      out().flush();
      return 0;
    }
  }

  /** Ids or {@code --all}, exactly one of the two. */
  abstract static class Selection extends CliCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ID", description = "Dead job ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every dead job.")
    boolean all;

    @Override
    public Integer call() {
      if (all == !ids.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "give dead job ids or --all, not both or neither");
      }
      DeadJobs dead = deadJobs(this);
      if (all) {
        out().println(verb() + " " + EnqueueCommand.plural(applyAll(dead), "dead job"));
        out().flush();
        return 0;
      }
      List<String> missing = new ArrayList<>();
      int done = 0;
      for (String id : ids) {
        if (apply(dead, id)) {
          done++;
        } else {
          missing.add(id);
        }
      }
      out().println(verb() + " " + EnqueueCommand.plural(done, "dead job"));
      out().flush();
      if (!missing.isEmpty()) {
        err().println("not found (already retried or removed?): " + String.join(" ", missing));
        err().flush();
        return SyncfleetCli.FAILED;
      }
      return 0;
    }

    abstract String verb();

    abstract boolean apply(DeadJobs dead, String id);

    abstract long applyAll(DeadJobs dead);
  }

  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = "Put dead jobs back on their queues with their attempts reset.")
  static final class Retry extends Selection {
    @Override
    String verb() {
      return "retried";
    }

    @Override
    boolean apply(DeadJobs dead, String id) {
      return dead.retry(id);
    }

    @Override
    long applyAll(DeadJobs dead) {
      return dead.retryAll();
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete dead jobs for good.")
  static final class Remove extends Selection {
    @Override
    String verb() {
      return "removed";
    }

    @Override
    boolean apply(DeadJobs dead, String id) {
      return dead.remove(id);
    }

    @Override
    long applyAll(DeadJobs dead) {
      return dead.removeAll();
    }
  }
}
