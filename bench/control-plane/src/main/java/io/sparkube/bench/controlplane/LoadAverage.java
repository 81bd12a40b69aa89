package io.sparkube.bench.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages (1, 5 and 15 minutes), to show what else was running. */
record LoadAverage(String one, String five, String fifteen) {
  static LoadAverage now() throws IOException {
    var fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
    return new LoadAverage(fields[0], fields[1], fields[2]);
  }

  @Override
  public String toString() {
    return one + " / " + five + " / " + fifteen;
  }
}
