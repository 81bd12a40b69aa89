package io.sparkube.operator.submission;

import io.sparkube.submit.Reporter;
import java.util.ArrayList;
import java.util.List;

/** Keeps a submission's warnings, for the run's Events; progress lines are the operator's log's business. */
final class WarningsReporter implements Reporter {
  private final List<String> warnings = new ArrayList<>();

  @Override
  public void warn(String line) {
    warnings.add(line);
  }

  @Override
  public void info(String line) {}

  @Override
  public void status(String line) {}

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
