package io.sparkube.cli;

import io.sparkube.submit.Reporter;

/**
 * Prints warnings and progress to stderr. On a terminal the status line is redrawn in place;
 * elsewhere (CI logs, pipes) a status line is printed only when it says something new.
 */
final class TerminalReporter implements Reporter {
  private final Terminal terminal;
  private String lastStatus = "";
  private boolean statusShown;

  TerminalReporter(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public synchronized void warn(String line) {
    endStatusLine();
    terminal.err().println("sparkube: warning: " + line);
  }

  @Override
  public synchronized void info(String line) {
    endStatusLine();
    terminal.err().println(line);
  }

  @Override
  public synchronized void status(String line) {
    if (terminal.interactive()) {
      terminal.err().print("\r" + line + "\u001b[K");
      terminal.err().flush();
      statusShown = true;
    } else if (!withoutClock(line).equals(withoutClock(lastStatus))) {
      terminal.err().println(line);
    }
    lastStatus = line;
  }

  /** Called when the command ends, so the shell prompt does not land on the status line. */
  synchronized void finish() {
    endStatusLine();
  }

  private void endStatusLine() {
    if (statusShown) {
      terminal.err().println();
      statusShown = false;
    }
  }

  /** The elapsed time changes every report; only the rest is news worth a new log line. */
  private static String withoutClock(String line) {
    return line.replaceAll("\\b\\d+[hms](\\d+[ms])*\\b", "");
  }
}
