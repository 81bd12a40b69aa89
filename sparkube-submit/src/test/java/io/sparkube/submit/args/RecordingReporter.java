package io.sparkube.submit.args;

import io.sparkube.submit.Reporter;
import java.util.ArrayList;
import java.util.List;

/** Collects what submission code tells the user, so tests read what a user would read. */
final class RecordingReporter implements Reporter {
  final List<String> warnings = new ArrayList<>();
  final List<String> infos = new ArrayList<>();
  final List<String> statuses = new ArrayList<>();

  @Override
  public void warn(String line) {
    warnings.add(line);
  }

  @Override
  public void info(String line) {
    infos.add(line);
  }

  @Override
  public void status(String line) {
    statuses.add(line);
  }
}
