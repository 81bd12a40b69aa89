package io.sparkube.controlplane.config;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;
import java.util.List;

/** The control plane process's own settings; the job-runs API's are {@code sparkube.jobruns.*}. */
public final class ControlPlaneKeys {
  public static final String PREFIX = "sparkube.controlPlane.";

  private ControlPlaneKeys() {}

  public static final ConfigKey<String> MANAGEMENT_HOST = ConfigKey.of(PREFIX + "managementHost", ValueType.STRING)
      .doc("Address /metrics, /healthz and /readyz are served on.").since("sparkube 0.1")
      .check(h -> !h.isBlank(), "give an address such as 127.0.0.1 or 0.0.0.0").defaultTo("127.0.0.1");

  public static final ConfigKey<Integer> MANAGEMENT_PORT = ConfigKey.of(PREFIX + "managementPort", ValueType.INT)
      .doc("Port of /metrics, /healthz and /readyz; 0 picks a free one.").since("sparkube 0.1")
      .check(p -> p >= 0 && p <= 65535, "use a port between 0 and 65535").defaultTo(8080);

  public static final ConfigKey<Integer> THREADS = ConfigKey.of(PREFIX + "threads", ValueType.INT)
      .doc("Runs reconciled at once; a pass mostly waits on the API server.").since("sparkube 0.1")
      .check(t -> t > 0 && t <= 512, "use between 1 and 512").defaultTo(32);

  public static final ConfigKey<Boolean> INSTALL_CRDS = ConfigKey.of(PREFIX + "installCrds", ValueType.BOOLEAN)
      .doc("Apply the SparkApplication and VirtualCluster CRDs at start (needs rights on CRDs).")
      .since("sparkube 0.1").defaultTo(false);

  public static final ConfigKey<List<String>> NAMESPACES = ConfigKey.of(PREFIX + "namespaces", ValueType.LIST)
      .doc("Namespaces whose SparkApplications the operator runs, comma separated; empty: every namespace.")
      .since("sparkube 0.1")
      .check(list -> list.stream().allMatch(n -> n.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")),
          "give namespace names, such as team-a,team-b")
      .defaultTo(List.of());

  public static final List<ConfigKey<?>> ALL = List.of(MANAGEMENT_HOST, MANAGEMENT_PORT, THREADS, INSTALL_CRDS,
      NAMESPACES);
}
