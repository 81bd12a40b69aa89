package io.sparkube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one submission as a fresh child process under bash, whose {@code times} builtin reports the
 * user and system CPU of every reaped child (all threads of the whole tree), and reads the pod
 * POST's arrival from the API server. Both clocks are this JVM's System.nanoTime.
 */
public final class ChildRun {
  // bash runs the command, then prints its children's CPU on fd 3; the command's own output goes to files.
  private static final String WRAPPER = "exec 3>\"$1\"; out=\"$2\"; shift 2; \"$@\" >\"$out.out\" 2>\"$out.err\"; "
      + "rc=$?; times >&3; exit $rc";
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

  private final PodCreations pods;
  private final Path logs;

  public ChildRun(PodCreations pods, Path logs) {
    this.pods = pods;
    this.logs = logs;
  }

  public Measurement run(Contender contender, String name) throws IOException, InterruptedException {
    var timesFile = logs.resolve(name + ".times");
    var cmd = new ArrayList<>(List.of("bash", "-c", WRAPPER, "bench", timesFile.toString(),
        logs.resolve(name).toString()));
    cmd.addAll(contender.command().apply(name));
    var builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".bash").toFile());
    long start = System.nanoTime();
    var process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(contender.label() + " run " + name + " timed out; see " + logs);
    }
    long end = System.nanoTime();
    if (process.exitValue() != 0) {
      throw new IllegalStateException(contender.label() + " run " + name + " exited with " + process.exitValue()
          + ":\n" + tail(logs.resolve(name + ".err")));
    }
    var arrival = pods.arrival(name + "-");
    if (arrival == null) {
      throw new IllegalStateException(contender.label() + " run " + name + " created no driver pod; see " + logs);
    }
    return new Measurement(PodCreations.millis(arrival - start), PodCreations.millis(end - start),
        childrenCpu(Files.readString(timesFile)));
  }

  /** The second line of {@code times}: the children's user and system time. */
  private static double childrenCpu(String times) {
    var lines = times.strip().split("\n");
    var m = TIMES.matcher(lines[lines.length - 1]);
    if (!m.find()) {
      throw new IllegalStateException("cannot read bash times output: " + times);
    }
    return (Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
        + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4))) * 1000;
  }

  private static String tail(Path file) throws IOException {
    var lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
