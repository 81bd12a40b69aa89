package io.sparkube.cli;

import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the sparkube command in-process and keeps what it printed, as a user would see it. */
record CliRun(int exitCode, String out, String err) {

  /** Runs with an environment that has no kubeconfig, so nothing of the machine leaks in. */
  static CliRun of(Path home, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var env = new SubmitEnvironment(Map.of("HOME", home.toString()), "tester", home);
    var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false, env);
    int code = Main.run(args, terminal);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stderr lines that are not progress: what the user is told went wrong. */
  String errorLine() {
    return err.lines().filter(l -> l.startsWith("sparkube: ") && !l.startsWith("sparkube: warning")).findFirst()
        .orElse("");
  }
}
