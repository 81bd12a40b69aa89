package io.sparkube.controlplane.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.controlplane.ControlPlane;
import io.sparkube.controlplane.config.ControlPlaneKeys;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.local.cluster.ClusterAddon;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.config.Conf;
import io.sparkube.model.secrets.SecretFiles;
import io.sparkube.resources.VirtualCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The control plane inside the local cluster's process: the operator and the job-runs API on
 * 127.0.0.1, a bearer token and an access key made once, and a virtual cluster named {@value
 * #VIRTUAL_CLUSTER} for namespace default, so a job run can be started with curl straight away.
 */
public final class LocalControlPlane implements ClusterAddon {
  public static final String VIRTUAL_CLUSTER = "local";

  @Override
  public Running start(Cluster cluster) {
    var home = cluster.home();
    try {
      secrets(home);
      var controlPlane = ControlPlane.start(cluster.admin(), ControlPlaneSettings.read(settings(home)),
          Clock.systemUTC());
      ensureVirtualCluster(cluster.admin());
      var uri = "http://127.0.0.1:" + controlPlane.apiPort();
      var temp = home.controlPlaneDir().resolve("uri.tmp");
      Files.writeString(temp, uri + "\n");
      Files.move(temp, home.jobRunsUriFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      var facts = List.of("job-runs API: " + uri + " (virtual cluster " + VIRTUAL_CLUSTER + ", token in "
          + home.jobRunsTokenFile() + ")", "control plane metrics: http://127.0.0.1:" + controlPlane.managementPort()
          + "/metrics");
      return new Running() {
        @Override
        public List<String> facts() {
          return facts;
        }

        @Override
        public void close() {
          try {
            Files.deleteIfExists(home.jobRunsUriFile());
          } catch (IOException e) {
            // A stale URI only makes the next call fail to connect, which names the problem.
          }
          controlPlane.close();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the control plane in " + home.controlPlaneDir(), e);
    }
  }

  /** Local defaults, overridden by any {@code -Dsparkube.controlPlane.*} or {@code -Dsparkube.jobruns.*}. */
  static Conf settings(ClusterHome home) {
    var entries = new LinkedHashMap<String, String>();
    entries.put(ControlPlaneKeys.INSTALL_CRDS.key(), "true");
    entries.put(ControlPlaneKeys.MANAGEMENT_PORT.key(), "0");
    entries.put(JobRunsKeys.PORT.key(), "0");
    entries.put(JobRunsKeys.TOKEN_FILE.key(), home.jobRunsTokenFile().toString());
    entries.put(JobRunsKeys.ACCESS_KEYS_FILE.key(), accessKeysFile(home).toString());
    var system = System.getProperties();
    system.stringPropertyNames().stream()
        .filter(k -> k.startsWith(ControlPlaneKeys.PREFIX) || k.startsWith(JobRunsKeys.PREFIX))
        .forEach(k -> entries.put(k, system.getProperty(k)));
    return Conf.of(entries);
  }

  static java.nio.file.Path accessKeysFile(ClusterHome home) {
    return home.controlPlaneDir().resolve("access-keys");
  }

  /** A token for curl and an access key for AWS clients, made on the first start and kept. */
  private static void secrets(ClusterHome home) throws IOException {
    Files.createDirectories(home.controlPlaneDir(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    if (!Files.exists(home.jobRunsTokenFile())) {
      SecretFiles.createToken(home.jobRunsTokenFile());
    }
    if (!Files.exists(accessKeysFile(home))) {
      var id = "AKSK" + HexFormat.of().formatHex(SecretFiles.random(8)).toUpperCase(Locale.ROOT);
      var secret = java.util.Base64.getEncoder().withoutPadding().encodeToString(SecretFiles.random(30));
      SecretFiles.create(accessKeysFile(home), "# the local control plane's access key, for AWS clients\n"
          + id + "=" + secret + "\n");
    }
  }

  private static void ensureVirtualCluster(KubernetesClient client) {
    var clusters = client.resources(VirtualCluster.class);
    if (clusters.withName(VIRTUAL_CLUSTER).get() == null) {
      var cluster = new VirtualCluster();
      cluster.getMetadata().setName(VIRTUAL_CLUSTER);
      cluster.getSpec().setDisplayName(VIRTUAL_CLUSTER);
      cluster.getSpec().setNamespace("default");
      cluster.getSpec().setContainerProviderId("sparkube-local");
      clusters.resource(cluster).create();
    }
  }
}
