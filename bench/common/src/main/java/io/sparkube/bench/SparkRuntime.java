package io.sparkube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** A Spark line's jars as spark-runtimes builds them, with the Spark and Scala versions they hold. */
public record SparkRuntime(String line, Path jars, String version, String scala) {
  private static final Pattern SPARK_CORE = Pattern.compile("spark-core_(\\d+\\.\\d+)-(\\d+\\.\\d+\\.\\d+)\\.jar");

  public static SparkRuntime of(Path root, String line) throws IOException {
    var jars = root.resolve("spark-runtimes/spark-" + line + "/target/jars");
    if (!Files.isDirectory(jars)) {
      throw new IllegalArgumentException(jars + " is missing; build it: mvn -q package -pl spark-runtimes/spark-" + line);
    }
    try (var files = Files.list(jars)) {
      return files.map(p -> SPARK_CORE.matcher(p.getFileName().toString())).filter(m -> m.matches()).findFirst()
          .map(m -> new SparkRuntime(line, jars, m.group(2), m.group(1)))
          .orElseThrow(() -> new IllegalArgumentException("no spark-core jar in " + jars));
    }
  }

  /** spark-submit's flags for SparkPi in cluster mode, not waiting for the job; only the name varies per run. */
  public List<String> submitArgs(String masterUrl, String name) {
    return List.of("--master", "k8s://" + masterUrl, "--deploy-mode", "cluster", "--name", name,
        "--class", "org.apache.spark.examples.SparkPi",
        "--conf", "spark.kubernetes.container.image=apache/spark:" + version,
        "--conf", "spark.kubernetes.submission.waitAppCompletion=false",
        examplesJar(), "100");
  }

  /** SparkPi's jar inside the apache/spark image of this line. */
  public String examplesJar() {
    return "local:///opt/spark/examples/jars/spark-examples_" + scala + "-" + version + ".jar";
  }
}
