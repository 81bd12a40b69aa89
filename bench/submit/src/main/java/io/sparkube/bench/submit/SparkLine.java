package io.sparkube.bench.submit;

import io.sparkube.bench.SparkRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A Spark line's runtime jars (spark-runtimes/spark-X.Y/target/jars) and the SparkPi submission both tools make. */
record SparkLine(String line, Path jars, String version, String scala) {
  static SparkLine of(Path root, String line) throws IOException {
    var runtime = SparkRuntime.of(root, line);
    return new SparkLine(line, runtime.jars(), runtime.version(), runtime.scala());
  }

  /** spark-submit's flags, identical for both tools; only the application name differs per run. */
  List<String> submitArgs(String masterUrl, String name) {
    return List.of("--master", "k8s://" + masterUrl, "--deploy-mode", "cluster", "--name", name,
        "--class", "org.apache.spark.examples.SparkPi",
        "--conf", "spark.kubernetes.container.image=apache/spark:" + version,
        "--conf", "spark.kubernetes.submission.waitAppCompletion=false",
        "local:///opt/spark/examples/jars/spark-examples_" + scala + "-" + version + ".jar", "100");
  }
}
