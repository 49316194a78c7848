package io.syncfleet.producer.cli;

import io.syncfleet.producer.testing.TestRedis;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the CLI against a test Redis, with its exit code and captured output. */
record CliRun(int code, String out, String err) {

  /** Runs {@code args} with the test Redis's environment plus {@code extraEnv}, feeding {@code stdin}. */
  static CliRun run(TestRedis redis, Clock clock, Map<String, String> extraEnv, String stdin, String... args) {
    Map<String, String> env = new HashMap<>(redis.env());
    env.putAll(extraEnv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (SyncfleetCli cli = new SyncfleetCli(env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), clock)) {
      CommandLine cmd = SyncfleetCli.commandLine(cli);
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      int code = cmd.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    }
  }

  static CliRun run(TestRedis redis, Clock clock, String... args) {
    return run(redis, clock, Map.of(), "", args);
  }
}
