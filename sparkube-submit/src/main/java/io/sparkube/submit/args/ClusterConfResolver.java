package io.sparkube.submit.args;

import io.sparkube.model.config.Conf;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SparkConf that SparkSubmit.prepareSubmitEnvironment hands to KubernetesClientApplication in
 * cluster mode. Spark 3.5.6, 4.0.2 and 4.1.0 do exactly the same here, so this is line-independent.
 *
 * <p>Order matters and follows Spark: the Spark properties first, then each setting that
 * spark-submit maps onto a key for (Kubernetes, cluster) overwrites it, then the primary jar is
 * appended to spark.jars, spark.driver.host is dropped, path lists are resolved to URIs,
 * spark.submit.pyFiles is always written (empty when there are none) and spark.app.submitTime
 * is stamped unless given.
 */
final class ClusterConfResolver {
  private final Clock clock;

  ClusterConfResolver(Clock clock) {
    this.clock = clock;
  }

  Conf resolve(
      Map<String, String> sparkProperties,
      SubmitSettings s,
      Optional<String> normalisedMaster,
      PrimaryResource primary,
      String appName,
      Uris uris) {
    var conf = new LinkedHashMap<>(sparkProperties);

    // SparkSubmit's OptionAssigners that apply to KUBERNETES in CLUSTER mode, in its order.
    normalisedMaster.ifPresent(m -> conf.put("spark.master", m));
    conf.put("spark.submit.deployMode", "cluster");
    conf.put("spark.app.name", appName);
    s.driverExtraClassPath().ifPresent(v -> conf.put("spark.driver.extraClassPath", v));
    s.driverExtraJavaOptions().ifPresent(v -> conf.put("spark.driver.extraJavaOptions", v));
    s.driverExtraLibraryPath().ifPresent(v -> conf.put("spark.driver.extraLibraryPath", v));
    s.principal().ifPresent(v -> conf.put("spark.kerberos.principal", v));
    s.keytab().ifPresent(v -> conf.put("spark.kerberos.keytab", v));
    // resolveGlobPaths rewrites the four path lists before they are assigned.
    s.pyFiles().map(uris::normaliseList).ifPresent(v -> conf.put("spark.submit.pyFiles", v));
    s.packages().ifPresent(v -> conf.put("spark.jars.packages", v));
    s.repositories().ifPresent(v -> conf.put("spark.jars.repositories", v));
    s.ivyRepoPath().ifPresent(v -> conf.put("spark.jars.ivy", v));
    s.packagesExclusions().ifPresent(v -> conf.put("spark.jars.excludes", v));
    s.numExecutors().ifPresent(v -> conf.put("spark.executor.instances", v));
    s.executorCores().ifPresent(v -> conf.put("spark.executor.cores", v));
    s.executorMemory().ifPresent(v -> conf.put("spark.executor.memory", v));
    s.files().map(uris::normaliseList).ifPresent(v -> conf.put("spark.files", v));
    s.archives().map(uris::normaliseList).ifPresent(v -> conf.put("spark.archives", v));
    s.jars().map(uris::normaliseList).ifPresent(v -> conf.put("spark.jars", v));
    s.driverMemory().ifPresent(v -> conf.put("spark.driver.memory", v));
    s.driverCores().ifPresent(v -> conf.put("spark.driver.cores", v));

    // "Add the application jar automatically so the user doesn't have to call sc.addJar";
    // for JVM apps spark.jars is rewritten (trimmed, and set even when empty).
    if (!primary.isPython() && !primary.isR()) {
      var jars = new ArrayList<>(Uris.splitTrimmed(conf.getOrDefault("spark.jars", "")));
      if (primary.isUserJar()) {
        jars.add(primary.uri());
      }
      conf.put("spark.jars", String.join(",", jars));
    }

    // A driver host given on the submitting machine means nothing inside the cluster.
    conf.remove("spark.driver.host");

    for (var key : List.of("spark.jars", "spark.files", "spark.archives",
        "spark.yarn.dist.files", "spark.yarn.dist.archives", "spark.yarn.dist.jars")) {
      if (conf.containsKey(key)) {
        conf.put(key, uris.resolveList(conf.get(key)));
      }
    }
    conf.put("spark.submit.pyFiles",
        uris.resolveList(String.join(",", Uris.splitTrimmed(conf.getOrDefault("spark.submit.pyFiles", "")))));

    conf.putIfAbsent("spark.app.submitTime", Long.toString(clock.millis()));
    return Conf.of(conf);
  }
}
