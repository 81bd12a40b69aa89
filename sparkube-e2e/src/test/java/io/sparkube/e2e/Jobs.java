package io.sparkube.e2e;

import java.util.ArrayList;
import java.util.List;

/** Command lines of the example jobs, as Spark's documentation writes them, per Spark release. */
final class Jobs {
  static final List<String> RELEASES = List.of("3.5.6", "4.0.2", "4.1.0");

  private Jobs() {}

  static String scala(String release) {
    return release.startsWith("3.") ? "2.12" : "2.13";
  }

  static String examplesJar(String release) {
    return "local:///opt/spark/examples/jars/spark-examples_" + scala(release) + "-" + release + ".jar";
  }

  /** sparkube submit of {@code mainClass} from the examples jar, with two 1-core, 1 GB executors. */
  static List<String> submit(String release, String name, String mainClass, List<String> extraFlags, String... appArgs) {
    var args = new ArrayList<>(List.of("submit", "--deploy-mode", "cluster", "--name", name, "--class", mainClass,
        "--conf", "spark.executor.instances=2", "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.kubernetes.container.image=apache/spark:" + release));
    args.addAll(extraFlags);
    args.add(examplesJar(release));
    args.addAll(List.of(appArgs));
    return args;
  }
}
