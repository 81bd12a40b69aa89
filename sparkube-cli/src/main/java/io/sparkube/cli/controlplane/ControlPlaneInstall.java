package io.sparkube.cli.controlplane;

import io.sparkube.controlplane.config.ControlPlaneKeys;
import io.sparkube.jobruns.config.JobRunsKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code sparkube control-plane install} puts in a cluster, as the user chose it.
 *
 * @param image an image whose entrypoint is the sparkube command
 * @param jobNamespaces the namespaces the control plane may run jobs in; empty for all
 */
public record ControlPlaneInstall(String namespace, String image, List<String> jobNamespaces) {
  public static final String NAME = "sparkube-control-plane";
  public static final int API_PORT = 8443;
  public static final int MANAGEMENT_PORT = 8080;
  /** The key of the bearer token in the Secret, and so the name of its file. */
  public static final String TOKEN_KEY = "token";
  static final String SECRETS_DIR = "/etc/sparkube-control-plane";

  public ControlPlaneInstall {
    jobNamespaces = List.copyOf(jobNamespaces);
  }

  public boolean runsJobsInAllNamespaces() {
    return jobNamespaces.isEmpty();
  }

  /**
   * The name of its ClusterRole, Roles and bindings: it carries the install's namespace, so that
   * two installs never share (and overwrite) each other's grants.
   */
  public String accessName() {
    return NAME + "-" + namespace;
  }

  /** The job-runs API's in-cluster address. */
  public String apiUri() {
    return "http://" + NAME + "." + namespace + ".svc:" + API_PORT;
  }

  /** How to read the bearer token the API takes, once installed. */
  public String tokenCommand() {
    return "kubectl -n " + namespace + " get secret " + NAME + " -o jsonpath='{.data." + TOKEN_KEY
        + "}' | base64 -d";
  }

  /** The process's settings, as the Deployment passes them to {@code sparkube control-plane serve}. */
  Map<String, String> settings() {
    var settings = new LinkedHashMap<String, String>();
    // All addresses: kubelet probes and the Service reach the pod on its own IP.
    settings.put(ControlPlaneKeys.MANAGEMENT_HOST.key(), "0.0.0.0");
    settings.put(ControlPlaneKeys.MANAGEMENT_PORT.key(), String.valueOf(MANAGEMENT_PORT));
    // The install applies the CRDs, so the ServiceAccount needs no right to write them.
    settings.put(ControlPlaneKeys.INSTALL_CRDS.key(), "false");
    settings.put(JobRunsKeys.HOST.key(), "0.0.0.0");
    settings.put(JobRunsKeys.PORT.key(), String.valueOf(API_PORT));
    settings.put(JobRunsKeys.TOKEN_FILE.key(), SECRETS_DIR + "/" + TOKEN_KEY);
    if (!runsJobsInAllNamespaces()) {
      // The operator then watches only these, so even its reads need no cluster-wide grant.
      settings.put(ControlPlaneKeys.NAMESPACES.key(), String.join(",", jobNamespaces()));
    }
    return settings;
  }
}
