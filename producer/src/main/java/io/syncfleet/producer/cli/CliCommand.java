package io.syncfleet.producer.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the root CLI (connections, environment) and its output streams. */
abstract class CliCommand {
  @Spec
  CommandSpec spec;

  SyncfleetCli cli() {
    return (SyncfleetCli) spec.root().userObject();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
