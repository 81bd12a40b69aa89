package io.sparkube.cli.jobruns;

import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/** Runs the sparkube command in-process, with SPARKUBE_HOME set, and keeps what it printed as a user would see it. */
record JobsCli(int exitCode, String out, String err) {

  /** {@code sparkube ARGS}, as a user types it. */
  static JobsCli run(Path sparkubeHome, String... args) {
    return run(sparkubeHome, terminal -> Sparkube.run(args, terminal));
  }

  /** One command made by the test, for what only a test changes (a page size). */
  static JobsCli run(Path sparkubeHome, Function<Terminal, Object> command, String... args) {
    return run(sparkubeHome, terminal -> JobsCommand.parsing(new CommandLine(command.apply(terminal))).execute(args));
  }

  private static JobsCli run(Path sparkubeHome, ToIntFunction<Terminal> command) {
    var out = new StringWriter();
    var err = new StringWriter();
    var env = new SubmitEnvironment(Map.of("HOME", sparkubeHome.toString(), "SPARKUBE_HOME", sparkubeHome.toString()),
        "tester", sparkubeHome);
    int code = command.applyAsInt(new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false, env));
    return new JobsCli(code, out.toString(), err.toString());
  }

  /** What was printed, for assertion messages. */
  String printed() {
    return "exit " + exitCode + "\nstdout:\n" + out + "stderr:\n" + err;
  }
}
