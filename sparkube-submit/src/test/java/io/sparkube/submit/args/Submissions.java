package io.sparkube.submit.args;

import io.sparkube.submit.RecordingReporter;
import io.sparkube.submit.SubmitEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared fixtures: a fixed clock, a bare environment and the flags every submission needs. */
final class Submissions {
  static final long NOW = 1_700_000_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  static final Path WORK_DIR = Path.of("/home/alice/jobs");
  static final String MASTER = "k8s://https://kube.example.com:6443";
  static final String IMAGE = "apache/spark:3.5.6";

  private Submissions() {}

  static SubmitEnvironment env() {
    return env(Map.of());
  }

  static SubmitEnvironment env(Map<String, String> variables) {
    return new SubmitEnvironment(variables, "alice", WORK_DIR);
  }

  /** --master and the image, then the given arguments. */
  static List<String> argv(String... rest) {
    var argv = new ArrayList<>(List.of("--master", MASTER, "--conf", "spark.kubernetes.container.image=" + IMAGE));
    argv.addAll(Arrays.asList(rest));
    return argv;
  }

  static ParsedSubmit parse(RecordingReporter reporter, List<String> argv) {
    return new SparkSubmitParser(reporter, CLOCK).parse(argv, env());
  }

  static ParsedSubmit parse(String... rest) {
    return parse(new RecordingReporter(), argv(rest));
  }
}
