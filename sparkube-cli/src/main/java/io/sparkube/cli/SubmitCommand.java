package io.sparkube.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Lists submit among sparkube's commands; {@link Main} runs submissions without picocli. */
@Command(name = "submit", description = "Submit a Spark application in cluster mode (spark-submit's flags).")
final class SubmitCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Unmatched
  private List<String> argv = new ArrayList<>();

  SubmitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    return Submit.run(argv, terminal);
  }
}
