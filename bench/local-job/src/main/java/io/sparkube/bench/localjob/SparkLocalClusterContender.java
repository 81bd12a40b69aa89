package io.sparkube.bench.localjob;

import io.sparkube.bench.SparkRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's own {@code local-cluster[2,1,1024]} mode: a Master and two Workers inside the driver's
 * JVM, each Worker starting its executor as a separate JVM. The Workers build that JVM's command
 * from {@code SPARK_HOME/jars} (WorkerCommandBuilder), so each run gets a fresh SPARK_HOME holding
 * a link to the line's jars and a {@code bin/spark-submit} doing what Spark's own does (its launcher
 * builds the driver's java command). The driver's stderr is its log.
 */
record SparkLocalClusterContender(SparkRuntime line, Path examplesJar, Path homes, ChildProcess child)
    implements Contender {

  @Override
  public String label() {
    return "local-cluster[2,1,1024]";
  }

  @Override
  public List<String> command(String name) {
    var cmd = new ArrayList<>(List.of(homes.resolve(name).resolve("bin/spark-submit").toString(),
        "--master", "local-cluster[2,1,1024]"));
    cmd.addAll(Contender.sparkPi(name));
    cmd.addAll(List.of(examplesJar.toString(), Contender.slices()));
    return cmd;
  }

  @Override
  public Run run(String name) throws IOException, InterruptedException {
    var home = sparkHome(homes.resolve(name));
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", line.scala());
    env.put("SPARK_CONF_DIR", null);
    var result = child.run(name, command(name), env, home);
    if (!result.out().contains("Pi is roughly")) {
      throw new IllegalStateException(name + ": SparkPi printed no result; see " + child.logs());
    }
    var milestones = new EnumMap<Milestone, Instant>(Milestone.class);
    // The standalone Master's "Launching executor" is where the Kubernetes backend's "Going to request" is.
    milestones.putAll(DriverLog.parse(result.err()).milestones("Launching executor"));
    milestones.put(Milestone.TORN_DOWN, result.end());
    milestones.put(Milestone.EXIT, result.end());
    return new Run(result.start(), milestones);
  }

  private Path sparkHome(Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.createSymbolicLink(home.resolve("jars"), line.jars());
    var script = home.resolve("bin/spark-submit");
    try (InputStream in = SparkLocalClusterContender.class.getResourceAsStream("spark-submit")) {
      Files.copy(in, script);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
