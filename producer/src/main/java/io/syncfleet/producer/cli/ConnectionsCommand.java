package io.syncfleet.producer.cli;

import io.syncfleet.producer.ConnectionTestResult;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionState;
import io.syncfleet.producer.connection.ConnectionSummary;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code syncfleet connections ...}: a merchant's marketplace accounts. Secret values never come
 * from the command line (it ends up in shell history and process lists) and are never printed:
 * {@code add} takes each secret from {@code SYNCFLEET_SECRET_<NAME>} or from {@code NAME=value}
 * lines on standard input, and {@code list} shows secret names only.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
    description = "Add, list, test, remove and resume marketplace connections; rotate the secret key.",
    subcommands = {ConnectionsCommand.Add.class, ConnectionsCommand.ListConnections.class,
        ConnectionsCommand.Test.class, ConnectionsCommand.Remove.class, ConnectionsCommand.Resume.class,
        ConnectionsCommand.RotateKey.class})
final class ConnectionsCommand {
  /** Prefix of the environment variables that carry secret values. */
  static final String SECRET_ENV_PREFIX = "SYNCFLEET_SECRET_";

  /** The connection a command acts on. */
  static final class Target {
    @Option(names = "--tenant", required = true, description = "The merchant.")
    String tenant;

    @Option(names = "--channel", required = true, description = "The channel id, e.g. ebay.")
    String channel;

    String id() {
      return Connection.id(tenant, channel);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Add or replace a connection (needs SYNCFLEET_SECRET_KEY). Each --secret NAME is read from",
          "the environment variable SYNCFLEET_SECRET_<NAME> (upper case, other characters as '_'),",
          "or else from a NAME=value line on standard input."})
  static final class Add extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--env", required = true, paramLabel = "sandbox|production",
        description = "Which of the marketplace's environments the account lives in.")
    Environment environment;

    @Option(names = "--setting", paramLabel = "KEY=VALUE", description = "A non-secret setting (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--secret", paramLabel = "NAME", description = "The name of a credential (repeatable).")
    List<String> secretNames = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      SyncfleetCli cli = cli();
      // Check the key first, so nothing is read from stdin for a run that cannot store it.
      SecretBox.fromEnv(cli.env());
      Map<String, String> secrets = readSecrets(cli);
      Connection saved = cli.connections(true).put(target.tenant, target.channel, environment, settings, secrets);
      out().println("saved " + saved.id() + " (" + saved.environment().name().toLowerCase(Locale.ROOT)
          + "), version " + saved.version() + "; secrets: "
          + (secrets.isEmpty() ? "none" : String.join(", ", secrets.keySet())) + " (values not shown)");
      out().flush();
      return 0;
    }

    private Map<String, String> readSecrets(SyncfleetCli cli) throws IOException {
      Map<String, String> secrets = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String name : secretNames) {
        String value = cli.env().get(envName(name));
        if (value != null && !value.isEmpty()) {
          secrets.put(name, value);
        } else {
          missing.add(name);
        }
      }
      if (missing.isEmpty()) {
        return secrets;
      }
      Map<String, String> piped = readStdin(cli);
      for (String name : missing) {
        String value = piped.get(name);
        if (value == null || value.isEmpty()) {
          throw new IllegalArgumentException("secret '" + name + "' not given: set " + envName(name)
              + " or pipe a line '" + name + "=...' on standard input");
        }
        secrets.put(name, value);
      }
      return secrets;
    }

    /** {@code NAME=value} lines; a malformed line is named by number only, as it may hold a secret. */
    private static Map<String, String> readStdin(SyncfleetCli cli) throws IOException {
      Map<String, String> values = new HashMap<>();
      BufferedReader in = new BufferedReader(new InputStreamReader(cli.stdin(), StandardCharsets.UTF_8));
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("standard input line " + number + " is not NAME=value");
        }
        values.put(line.substring(0, eq).trim(), line.substring(eq + 1));
      }
      return values;
    }
  }

  /** The environment variable that may carry the secret {@code name}. */
  static String envName(String name) {
    return SECRET_ENV_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List connections: settings, secret names (never values), paused state and parked jobs.")
  static final class ListConnections extends CliCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      SyncfleetCli cli = cli();
      List<ConnectionSummary> all = cli.connections(false).list();
      PrintWriter out = out();
      if (all.isEmpty()) {
        out.println("no connections; add one with: syncfleet connections add");
        out.flush();
        return 0;
      }
      long now = cli.clock().millis();
      TextTable table = new TextTable("CONNECTION", "ENV", "SECRETS", "SETTINGS", "STATE", "PARKED",
          "LAST OK", "LAST ERROR").alignRight(5);
      for (ConnectionSummary c : all) {
        ConnectionState s = c.state();
        StringJoiner settings = new StringJoiner(",");
        c.settings().forEach((k, v) -> settings.add(k + "=" + v));
        table.row(c.id(), c.environment().name().toLowerCase(Locale.ROOT),
            c.secretNames().isEmpty() ? null : String.join(",", c.secretNames()),
            c.settings().isEmpty() ? null : settings.toString(),
            s.paused() ? "PAUSED: " + s.pausedReason() : "active", HumanFormat.count(s.parkedJobs()),
            s.lastSuccessAt() > 0 ? HumanFormat.age(now - s.lastSuccessAt()) + " ago" : null,
            s.lastErrorAt() > 0 ? HumanFormat.age(now - s.lastErrorAt()) + " ago: " + s.lastError() : null);
      }
      table.print(out);
      out.flush();
      return 0;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Ask a worker to check a connection's credentials against the marketplace.")
  static final class Test extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
        description = "How long to wait for a worker's answer, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
      SyncfleetCli cli = cli();
      boolean known = cli.connections(false).list().stream().anyMatch(c -> c.id().equals(target.id()));
      if (!known) {
        throw new IllegalArgumentException("no connection " + target.id() + "; add it with: syncfleet connections add");
      }
      ConnectionTestResult result = cli.client().testConnection(target.tenant, target.channel, timeout);
      if (result.ok()) {
        out().println("ok: " + target.id() + (result.account() != null ? " is account " + result.account() : "")
            + (result.message().isEmpty() ? "" : " (" + result.message() + ")"));
        out().flush();
        return 0;
      }
      err().println((result.answered() ? "failed: " : "no answer: ") + target.id() + ": " + result.message());
      err().flush();
      return SyncfleetCli.FAILED;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a connection; jobs parked for it stay parked and visible.")
  static final class Remove extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Override
    public Integer call() {
      if (!cli().connections(false).remove(target.tenant, target.channel)) {
        throw new IllegalArgumentException("no connection " + target.id());
      }
      out().println("removed " + target.id());
      out().flush();
      return 0;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Clear a connection's pause and put its parked jobs back on their queues.")
  static final class Resume extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Override
    public Integer call() {
      long released = cli().connections(false).resume(target.tenant, target.channel);
      out().println("resumed " + target.id() + ": released " + EnqueueCommand.plural(released, "parked job"));
      out().flush();
      return 0;
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT30S}. */
  @Command(name = "rotate-key", mixinStandardHelpOptions = true,
      description = "Re-seal every connection under SYNCFLEET_SECRET_KEY; the old key(s) go in "
          + "SYNCFLEET_SECRET_KEY_PREVIOUS until this has run.")
  static final class RotateKey extends CliCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      int changed = cli().connections(true).resealAll();
      out().println("re-sealed " + EnqueueCommand.plural(changed, "connection")
          + " under the current key; SYNCFLEET_SECRET_KEY_PREVIOUS can now be dropped");
      out().flush();
      return 0;
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      try {
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 30s, 2m or PT1M");
      }
    }
  }
}
