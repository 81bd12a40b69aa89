package io.sparkube.bench.localjob;

import io.sparkube.bench.SparkRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code sparkube submit} in cluster mode on the local cluster (no kubeconfig in its HOME), which
 * waits for the driver and exits with its code. Its pods are watched; its driver log is read after.
 */
record LocalClusterContender(Path root, SparkRuntime line, Path home, PodWatch pods, ChildProcess child)
    implements Contender {
  private static final Pattern SUBMITTED = Pattern.compile("submitted (\\S+):(\\S+)");

  @Override
  public String label() {
    return "local cluster";
  }

  @Override
  public List<String> command(String name) {
    var cmd = new ArrayList<>(List.of(root.resolve("bin/sparkube").toString(), "submit", "--deploy-mode", "cluster"));
    cmd.addAll(Contender.sparkPi(name));
    cmd.addAll(List.of("--conf", "spark.executor.instances=2",
        "--conf", "spark.kubernetes.container.image=apache/spark:" + line.version(),
        "local:///opt/spark/examples/jars/spark-examples_" + line.scala() + "-" + line.version() + ".jar",
        Contender.slices()));
    return cmd;
  }

  @Override
  public Run run(String name) throws IOException, InterruptedException {
    var result = child.run(name, command(name), env(), child.logs());
    var submitted = SUBMITTED.matcher(result.err());
    if (!submitted.find()) {
      throw new IllegalStateException(name + ": sparkube submit named no driver pod:\n" + result.err());
    }
    var namespace = submitted.group(1);
    var driver = submitted.group(2);
    awaitTornDown(name, driver);
    var log = child.run(name + ".logs", List.of(root.resolve("bin/sparkube").toString(), "logs",
        namespace + ":" + driver), env(), child.logs()).out();
    Files.writeString(child.logs().resolve(name + ".driver.log"), log);
    if (!log.contains("Pi is roughly")) {
      throw new IllegalStateException(name + ": the driver log has no result; see " + child.logs());
    }
    var milestones = new EnumMap<Milestone, Instant>(Milestone.class);
    milestones.putAll(pods.milestones(driver));
    milestones.putAll(DriverLog.parse(log).milestones("Going to request"));
    milestones.put(Milestone.EXIT, result.end());
    return new Run(result.start(), milestones);
  }

  /** The driver may exit before its executor pods are deleted: wait for that too (it is part of teardown). */
  private void awaitTornDown(String name, String driver) throws InterruptedException {
    var deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!pods.tornDown(driver)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + ": driver " + driver + " not Succeeded or executors not deleted "
            + "a minute after submit exited: " + pods.milestones(driver));
      }
      Thread.sleep(50);
    }
  }

  private java.util.Map<String, String> env() {
    var env = new HashMap<String, String>();
    env.put("HOME", home.toString()); // no ~/.kube/config there: submit targets the local cluster
    env.put("SPARKUBE_HOME", home.resolve(".sparkube").toString());
    env.put("KUBECONFIG", null);
    return env;
  }
}
