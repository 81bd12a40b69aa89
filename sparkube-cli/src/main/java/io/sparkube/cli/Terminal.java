package io.sparkube.cli;

import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;

/**
 * What a command talks to: stdout for results (YAML, ids, tables), stderr for warnings and
 * progress, whether stderr is a terminal that can redraw a status line, and the environment.
 * Tests pass their own, so they read exactly what a user would.
 */
public record Terminal(PrintWriter out, PrintWriter err, boolean interactive, SubmitEnvironment environment) {

  public static Terminal system() {
    return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.console() != null, SubmitEnvironment.current());
  }
}
