package io.sparkube.bench.localjob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a child process, its stdout and stderr to {@code <logs>/<name>.out|.err},
 * timed on the wall clock (the clock of the driver logs and the pod watch). A null in {@code env}
 * removes that variable.
 */
record ChildProcess(Path logs) {

  record Result(Instant start, Instant end, String out, String err) {}

  Result run(String name, List<String> command, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    var out = logs.resolve(name + ".out");
    var err = logs.resolve(name + ".err");
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    env.forEach((k, v) -> {
      if (v == null) {
        builder.environment().remove(k);
      } else {
        builder.environment().put(k, v);
      }
    });
    var start = Instant.now();
    var process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException(name + " timed out: " + String.join(" ", command) + "; see " + err);
    }
    var end = Instant.now();
    if (process.exitValue() != 0) {
      throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + String.join(" ", command)
          + "\n" + tail(Files.readString(err)));
    }
    return new Result(start, end, Files.readString(out), Files.readString(err));
  }

  static String tail(String text) {
    var lines = text.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 20), lines.length));
  }
}
