package io.sparkube.operator.submission;

import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.submit.args.SubmitParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spark-submit command line a SparkApplication stands for. Later settings win, as in
 * spark-submit, so the order is the priority: the virtual cluster's defaults, then the run's
 * parameters, then its own settings and identity.
 */
public final class SubmitArguments {
  private SubmitArguments() {}

  public static List<String> of(SparkApplication app, Optional<VirtualCluster> cluster) {
    var spec = app.getSpec();
    var argv = new ArrayList<>(List.of("--deploy-mode", "cluster",
        "--name", spec.getDisplayName() != null ? spec.getDisplayName() : app.getMetadata().getName()));
    var defaults = cluster.map(c -> c.getSpec().getDefaults());
    defaults.ifPresent(d -> confs(argv, d.getSparkConf()));
    image(app, cluster).ifPresent(image -> argv.addAll(List.of("--conf", "spark.kubernetes.container.image=" + image)));
    if (spec.getSparkVersion() != null) {
      argv.addAll(List.of("--spark-version", spec.getSparkVersion()));
    }
    defaults.map(d -> d.getIdentity()).ifPresent(identity -> argv.addAll(List.of("--identity", identity)));
    if (spec.getSparkSubmitParameters() != null) {
      var words = SubmitParameters.split(spec.getSparkSubmitParameters());
      SubmitParameters.requireServerSafe(words);
      argv.addAll(words);
    }
    confs(argv, spec.getSparkConf());
    if (spec.getIdentity() != null) {
      argv.addAll(List.of("--identity", spec.getIdentity()));
    }
    // Last, so no setting of the run's can send its pods to another namespace than its own.
    argv.addAll(List.of("--conf", "spark.kubernetes.namespace=" + app.getMetadata().getNamespace()));
    if (spec.getMainClass() != null) {
      argv.addAll(List.of("--class", spec.getMainClass()));
    }
    argv.add(spec.getMainApplicationFile());
    argv.addAll(spec.getArguments());
    return argv;
  }

  /** The run's own image, else its virtual cluster's for the run's Spark line. */
  private static Optional<String> image(SparkApplication app, Optional<VirtualCluster> cluster) {
    var spec = app.getSpec();
    if (spec.getImage() != null) {
      return Optional.of(spec.getImage());
    }
    var version = spec.getSparkVersion();
    if (version == null) {
      return Optional.empty();
    }
    var line = version.chars().filter(c -> c == '.').count() >= 2 ? version.substring(0, version.lastIndexOf('.'))
        : version;
    return cluster.map(c -> c.getSpec().getDefaults().getImages().get(line))
        .or(() -> Optional.of("apache/spark:" + version));
  }

  private static void confs(List<String> argv, Map<String, String> conf) {
    conf.forEach((key, value) -> argv.addAll(List.of("--conf", key + "=" + value)));
  }
}
