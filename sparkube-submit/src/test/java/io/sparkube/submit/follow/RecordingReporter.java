package io.sparkube.submit.follow;

import io.sparkube.submit.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would be printed, for tests to read. */
final class RecordingReporter implements Reporter {
  final List<String> warnings = new CopyOnWriteArrayList<>();
  final List<String> infos = new CopyOnWriteArrayList<>();
  final List<String> statuses = new CopyOnWriteArrayList<>();

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
