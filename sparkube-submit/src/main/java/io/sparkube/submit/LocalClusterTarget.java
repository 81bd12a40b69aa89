package io.sparkube.submit;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local cluster, as submit uses it when no cluster is named: its kubeconfig, and the settings
 * it supplies to a job that does not give them itself (where its staging server is).
 */
public record LocalClusterTarget(Path kubeconfig, Map<String, String> confDefaults) {
  public LocalClusterTarget {
    confDefaults = Map.copyOf(confDefaults);
  }
}
