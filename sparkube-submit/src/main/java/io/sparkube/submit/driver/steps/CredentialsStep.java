package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's own API credentials: either its ServiceAccount, or a Secret built from the
 * token and files given with spark.kubernetes.authenticate.driver.*, mounted into the pod. As in
 * Spark, a mounted Secret replaces the ServiceAccount setting.
 */
public final class CredentialsStep implements FeatureStep {
  static final String VOLUME = "kubernetes-credentials";
  static final String MOUNT_DIR = "/mnt/secrets/spark-kubernetes-credentials";

  /** One credential: its conf suffix, its key in the Secret, and whether it is a file. */
  private record Credential(String confSuffix, String fileSuffix, String secretKey) {}

  // Order matters: Spark fills the Secret's data in this order.
  private static final List<Credential> CREDENTIALS = List.of(
      new Credential("clientKeyFile", "clientKeyFile", "client-key"),
      new Credential("clientCertFile", "clientCertFile", "client-cert"),
      new Credential("caCertFile", "caCertFile", "ca-cert"),
      new Credential("oauthToken", "oauthTokenFile", "oauth-token"));

  private final DriverConf conf;
  private final Map<Credential, String> base64Values = new LinkedHashMap<>();

  public CredentialsStep(DriverConf conf) {
    this.conf = conf;
    for (var credential : CREDENTIALS) {
      var key = DriverKeys.AUTH_DRIVER_PREFIX + credential.confSuffix();
      conf.conf().raw(key).map(value -> credential.confSuffix().equals("oauthToken")
              ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
              : readFile(key, value))
          .ifPresent(encoded -> base64Values.put(credential, encoded));
    }
  }

  private static String readFile(String key, String path) {
    var file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw SparkubeException.invalidConfig(key + "=" + path + " does not exist or is not a file; fix the path");
    }
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw SparkubeException.invalidConfig("cannot read " + path + " (" + key + "): " + e.getMessage());
    }
  }

  private boolean mountsSecret() {
    return !base64Values.isEmpty();
  }

  private String secretName() {
    return conf.resourceNamePrefix() + "-kubernetes-credentials";
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    if (!mountsSecret()) {
      return conf.getOptional(DriverKeys.DRIVER_SERVICE_ACCOUNT)
          .map(account -> pod.withPod(new PodBuilder(pod.pod()).editOrNewSpec()
              .withServiceAccount(account).withServiceAccountName(account).endSpec().build()))
          .orElse(pod);
    }
    var withVolume = new PodBuilder(pod.pod()).editOrNewSpec()
        .addNewVolume().withName(VOLUME).withNewSecret().withSecretName(secretName()).endSecret().endVolume()
        .endSpec().build();
    var withMount = new ContainerBuilder(pod.container())
        .addNewVolumeMount().withName(VOLUME).withMountPath(MOUNT_DIR).endVolumeMount().build();
    return new SparkPod(withVolume, withMount);
  }

  @Override
  public Map<String, String> systemProperties() {
    var props = new LinkedHashMap<String, String>();
    // Tokens never reach spark.properties in clear.
    conf.conf().asMap().keySet().stream().filter(k -> k.endsWith("oauthToken"))
        .forEach(k -> props.put(k, "<present_but_redacted>"));
    for (var credential : CREDENTIALS) {
      var mountedKey = DriverKeys.AUTH_DRIVER_MOUNTED_PREFIX + credential.fileSuffix();
      Optional<String> location = conf.conf().raw(mountedKey)
          .or(() -> base64Values.containsKey(credential)
              ? Optional.of(MOUNT_DIR + "/" + credential.secretKey())
              : Optional.empty());
      location.ifPresent(l -> props.put(mountedKey, l));
    }
    return props;
  }

  @Override
  public List<HasMetadata> resources() {
    if (!mountsSecret()) {
      return List.of();
    }
    var data = new LinkedHashMap<String, String>();
    base64Values.forEach((credential, value) -> data.put(credential.secretKey(), value));
    return List.of(new SecretBuilder().withNewMetadata().withName(secretName()).endMetadata()
        .withImmutable(true).withData(data).build());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "DriverKubernetesCredentialsFeatureStep";
  }
}
