package io.syncfleet.producer.cli;

import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.producer.resync.ResyncRunningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The {@code syncfleet} command line: enqueue work, show the fleet's state, manage connections and
 * dead jobs, resync catalogs. Connects with {@code REDIS_URL} and {@code SYNCFLEET_NAMESPACE};
 * reads {@code SYNCFLEET_SECRET_KEY} only for commands that store credentials. Errors print one
 * line and exit non-zero: 2 for invalid input, 3 for a resync refused because one is running, 1 for
 * anything else. Closing it closes its pool.
 */
@Command(name = "syncfleet", mixinStandardHelpOptions = true, versionProvider = SyncfleetCli.Version.class,
    description = "Syncs merchants' catalogs, stock, prices and orders to marketplaces through a Redis-backed worker fleet.",
    subcommands = {EnqueueCommand.class, ResyncCommand.class, StatusCommand.class, ConnectionsCommand.class,
        DeadCommand.class})
public final class SyncfleetCli implements Callable<Integer>, AutoCloseable {
  /** Exit code for input that breaks the job contract (and for usage errors, as picocli does). */
  public static final int INVALID_INPUT = CommandLine.ExitCode.USAGE;
  /** Exit code for everything else that failed. */
  public static final int FAILED = CommandLine.ExitCode.SOFTWARE;
  /** Exit code for a resync refused because another one still runs (cron may simply try again later). */
  public static final int REFUSED = 3;

  private final Map<String, String> env;
  private final InputStream stdin;
  private final Clock clock;
  private RedisSettings settings;
  private JedisPool pool;

  @Spec
  private CommandSpec spec;

  /** The CLI on the process environment and standard input. */
  public SyncfleetCli() {
    this(System.getenv(), System.in, Clock.systemUTC());
  }

  /** The CLI on the given environment, standard input and clock (tests, embedding). */
  public SyncfleetCli(Map<String, String> env, InputStream stdin, Clock clock) {
    this.env = Map.copyOf(env);
    this.stdin = stdin;
    this.clock = clock;
  }

  public static void main(String[] args) {
    int code;
    try (SyncfleetCli cli = new SyncfleetCli()) {
      code = commandLine(cli).execute(args);
    }
    System.exit(code);
  }

  /** The picocli command line for {@code cli}, with its error handling in place. */
  public static CommandLine commandLine(SyncfleetCli cli) {
    CommandLine cmd = new CommandLine(cli);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(cli::onError);
    return cmd;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return INVALID_INPUT;
  }

  /** One line per problem for invalid input, one line for anything else; never a stack trace. */
  private int onError(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InvalidJobException invalid) {
      for (Problem p : invalid.problems()) {
        err.println(p);
      }
      err.flush();
      return INVALID_INPUT;
    }
    if (e instanceof ResyncRunningException running) {
      err.println("refused: " + running.getMessage());
      err.flush();
      return REFUSED;
    }
    err.println("error: " + describe(e));
    err.flush();
    return FAILED;
  }

  private String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisConnectionException) {
        Throwable root = t;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        String where = settings == null ? "" : " at " + settings.describe();
        return "cannot reach Redis" + where + " (set REDIS_URL): " + root.getMessage();
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  Map<String, String> env() {
    return env;
  }

  InputStream stdin() {
    return stdin;
  }

  Clock clock() {
    return clock;
  }

  RedisSettings settings() {
    if (settings == null) {
      settings = RedisSettings.fromEnv(env);
    }
    return settings;
  }

  Keys keys() {
    return settings().keys();
  }

  /** The pool, opened on first use; a CLI run needs few connections. */
  JedisPool pool() {
    if (pool == null) {
      pool = settings().pool(4, 10_000);
    }
    return pool;
  }

  /** A client on the CLI's pool. */
  SyncfleetClient client() {
    return new SyncfleetClient(pool(), keys(), clock);
  }

  /** The connection store; {@code withSecrets} requires {@code SYNCFLEET_SECRET_KEY}. */
  ConnectionStore connections(boolean withSecrets) {
    return new ConnectionStore(pool(), keys(), withSecrets ? SecretBox.fromEnv(env) : null);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  /** The version Maven recorded in the jar, or "development" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = SyncfleetCli.class.getResourceAsStream(
          "/META-INF/maven/io.syncfleet/syncfleet-producer/pom.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {"syncfleet " + props.getProperty("version", "development")};
    }
  }
}
