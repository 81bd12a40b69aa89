package io.sparkube.controlplane.config;

import io.sparkube.jobruns.config.JobRunsSettings;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import java.util.Set;
import java.util.TreeSet;

/** Everything the control plane process is told, read and checked once. */
public record ControlPlaneSettings(String managementHost, int managementPort, int threads, boolean installCrds,
    Set<String> namespaces, JobRunsSettings jobRuns) {

  public static ControlPlaneSettings read(Conf conf) {
    var unknown = new TreeSet<String>();
    for (var key : conf.withPrefix(ControlPlaneKeys.PREFIX).keySet()) {
      var full = ControlPlaneKeys.PREFIX + key;
      if (ControlPlaneKeys.ALL.stream().noneMatch(k -> k.key().equals(full))) {
        unknown.add(full);
      }
    }
    if (!unknown.isEmpty()) {
      throw SparkubeException.invalidConfig("unknown settings " + unknown + "; the known ones are "
          + ControlPlaneKeys.ALL.stream().map(k -> k.key()).toList());
    }
    return new ControlPlaneSettings(conf.get(ControlPlaneKeys.MANAGEMENT_HOST), conf.get(ControlPlaneKeys.MANAGEMENT_PORT),
        conf.get(ControlPlaneKeys.THREADS), conf.get(ControlPlaneKeys.INSTALL_CRDS),
        Set.copyOf(conf.get(ControlPlaneKeys.NAMESPACES)), JobRunsSettings.read(conf));
  }
}
