package io.sparkube.submit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what submission code tells the user (from any thread), so tests read what a user would. */
public final class RecordingReporter implements Reporter {
  public final List<String> warnings = new CopyOnWriteArrayList<>();
  public final List<String> infos = new CopyOnWriteArrayList<>();
  public final List<String> statuses = new CopyOnWriteArrayList<>();

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
