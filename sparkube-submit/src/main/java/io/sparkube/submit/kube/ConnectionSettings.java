package io.sparkube.submit.kube;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where and as whom to reach the API server. With a master URL it behaves like spark-submit (the
 * kubeconfig still supplies credentials, the master wins for the address); without, like kubectl.
 *
 * @param masterUrl the API server's http(s) URL from {@code --master k8s://...}
 * @param kubeconfig the kubeconfig file to read, when one exists
 */
public record ConnectionSettings(
    Optional<String> masterUrl,
    Optional<Path> kubeconfig,
    Optional<String> context,
    Optional<String> namespace,
    SubmissionAuth auth,
    boolean trustCertificates,
    Duration requestTimeout,
    Duration connectionTimeout,
    InCluster inCluster) {

  /**
   * Settings from the command line and the conf.
   *
   * @param master the raw {@code k8s://...} master, if given
   * @param kubeconfigFlag the {@code --kubeconfig} path, if given
   * @param contextFlag {@code --context}; falls back to spark.kubernetes.context
   */
  public static ConnectionSettings of(Optional<String> master, Optional<String> kubeconfigFlag,
      Optional<String> contextFlag, Optional<String> namespace, Conf conf, SubmitEnvironment env) {
    return new ConnectionSettings(
        master.map(MasterUrl::parse),
        locateKubeconfig(kubeconfigFlag, env),
        contextFlag.or(() -> conf.getOptional(SubmissionClientKeys.CONTEXT)).filter(c -> !c.isEmpty()),
        namespace,
        SubmissionAuth.from(conf),
        conf.get(SubmissionClientKeys.TRUST_CERTIFICATES),
        Duration.ofMillis(conf.get(SubmissionClientKeys.REQUEST_TIMEOUT)),
        Duration.ofMillis(conf.get(SubmissionClientKeys.CONNECTION_TIMEOUT)),
        InCluster.from(env));
  }

  /** Whether any cluster is named: a master, a kubeconfig, or the pod's own service account. */
  public boolean hasCluster() {
    return masterUrl.isPresent() || kubeconfig.isPresent() || inCluster.hasToken();
  }

  public ConnectionSettings withInCluster(InCluster other) {
    return new ConnectionSettings(masterUrl, kubeconfig, context, namespace, auth, trustCertificates,
        requestTimeout, connectionTimeout, other);
  }

  /**
   * {@code --kubeconfig}, else the first existing file listed in KUBECONFIG (kubectl merges them
   * all; we read one, as fabric8 does), else ~/.kube/config when it exists.
   */
  static Optional<Path> locateKubeconfig(Optional<String> flag, SubmitEnvironment env) {
    if (flag.isPresent()) {
      var file = Path.of(flag.get());
      if (!Files.isRegularFile(file)) {
        throw SparkubeException.invalidConfig("kubeconfig " + file + " does not exist; fix --kubeconfig");
      }
      return Optional.of(file);
    }
    var listed = env.variable("KUBECONFIG").filter(v -> !v.isBlank());
    if (listed.isPresent()) {
      return Arrays.stream(listed.get().split(File.pathSeparator))
          .filter(p -> !p.isBlank()).map(Path::of).filter(Files::isRegularFile).findFirst();
    }
    var home = env.variable("HOME").orElse(System.getProperty("user.home"));
    return Optional.of(Path.of(home, ".kube", "config")).filter(Files::isRegularFile);
  }
}
