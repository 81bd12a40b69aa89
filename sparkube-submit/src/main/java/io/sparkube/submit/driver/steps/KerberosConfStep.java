package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kerberos: krb5.conf from a local file or a ConfigMap, and either a keytab shipped as a Secret or
 * an existing delegation-token Secret. Obtaining fresh delegation tokens needs a Hadoop login on
 * the submitting machine, which Sparkube does not have; pass a keytab or a token Secret instead.
 */
public final class KerberosConfStep implements FeatureStep {
  private final DriverConf conf;
  private final Optional<String> keytab;
  private final Optional<String> tokenSecret;
  private final Optional<String> tokenItemKey;
  private final Optional<String> krb5File;
  private final Optional<String> krb5ConfigMap;

  public KerberosConfStep(DriverConf conf) {
    this.conf = conf;
    var principal = conf.getOptional(DriverKeys.KERBEROS_PRINCIPAL);
    this.keytab = conf.getOptional(DriverKeys.KERBEROS_KEYTAB);
    this.tokenSecret = conf.getOptional(DriverKeys.KERBEROS_DT_SECRET);
    this.tokenItemKey = conf.getOptional(DriverKeys.KERBEROS_DT_ITEM_KEY);
    this.krb5File = conf.getOptional(DriverKeys.KRB5_FILE);
    this.krb5ConfigMap = conf.getOptional(DriverKeys.KRB5_CONFIG_MAP);
    requireNotBoth(krb5File.isPresent(), krb5ConfigMap.isPresent(),
        DriverKeys.KRB5_FILE.key() + " and " + DriverKeys.KRB5_CONFIG_MAP.key() + " are both set; keep one");
    requireBothOrNeither(keytab.isPresent(), principal.isPresent(),
        "a Kerberos keytab and principal go together; set both spark.kerberos.keytab and spark.kerberos.principal");
    requireBothOrNeither(tokenSecret.isPresent(), tokenItemKey.isPresent(), "set both "
        + DriverKeys.KERBEROS_DT_SECRET.key() + " and " + DriverKeys.KERBEROS_DT_ITEM_KEY.key());
  }

  private static void requireNotBoth(boolean a, boolean b, String message) {
    if (a && b) {
      throw SparkubeException.invalidConfig(message);
    }
  }

  private static void requireBothOrNeither(boolean a, boolean b, String message) {
    if (a != b) {
      throw SparkubeException.invalidConfig(message);
    }
  }

  private boolean needsKeytabUpload() {
    return keytab.filter(k -> !k.startsWith("local:")).isPresent();
  }

  private String prefix() {
    return conf.resourceNamePrefix();
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    var result = pod;
    if (krb5File.isPresent() || krb5ConfigMap.isPresent()) {
      var volume = new VolumeBuilder().withName("krb5-file").withNewConfigMap();
      if (krb5ConfigMap.isPresent()) {
        volume.withName(krb5ConfigMap.get());
      } else {
        var name = Path.of(krb5File.get()).getFileName().toString();
        volume.withName(prefix() + "-krb5-file").addNewItem().withKey(name).withPath(name).endItem();
      }
      result = new SparkPod(
          new PodBuilder(result.pod()).editSpec().addToVolumes(volume.endConfigMap().build()).endSpec().build(),
          new ContainerBuilder(result.container()).addNewVolumeMount().withName("krb5-file")
              .withMountPath("/etc/krb5.conf").withSubPath("krb5.conf").endVolumeMount().build());
    }
    if (needsKeytabUpload()) {
      return new SparkPod(
          new PodBuilder(result.pod()).editOrNewSpec().addNewVolume().withName("kerberos-keytab")
              .withNewSecret().withSecretName(prefix() + "-kerberos-keytab").endSecret().endVolume().endSpec().build(),
          new ContainerBuilder(result.container()).addNewVolumeMount().withName("kerberos-keytab")
              .withMountPath("/mnt/secrets/kerberos-keytab").endVolumeMount().build());
    }
    if (tokenSecret.isPresent()) {
      return new SparkPod(
          new PodBuilder(result.pod()).editOrNewSpec().addNewVolume().withName("hadoop-secret")
              .withNewSecret().withSecretName(tokenSecret.get()).endSecret().endVolume().endSpec().build(),
          new ContainerBuilder(result.container())
              .addNewVolumeMount().withName("hadoop-secret").withMountPath("/mnt/secrets/hadoop-credentials").endVolumeMount()
              .addNewEnv().withName("HADOOP_TOKEN_FILE_LOCATION")
                  .withValue("/mnt/secrets/hadoop-credentials/" + tokenItemKey.orElse("hadoop-tokens")).endEnv()
              .build());
    }
    return result;
  }

  @Override
  public Map<String, String> systemProperties() {
    if (!needsKeytabUpload()) {
      return Map.of();
    }
    return Map.of(DriverKeys.KERBEROS_KEYTAB.key(),
        "/mnt/secrets/kerberos-keytab/" + Path.of(keytab.get()).getFileName());
  }

  @Override
  public List<HasMetadata> resources() {
    var out = new ArrayList<HasMetadata>();
    krb5File.ifPresent(path -> {
      var file = Path.of(path);
      out.add(new ConfigMapBuilder().withNewMetadata().withName(prefix() + "-krb5-file").endMetadata()
          .withImmutable(true).addToData(file.getFileName().toString(), read(file, DriverKeys.KRB5_FILE.key())).build());
    });
    if (needsKeytabUpload()) {
      var file = Path.of(keytab.get());
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw SparkubeException.invalidConfig("cannot read the keytab " + file + ": " + e.getMessage());
      }
      out.add(new SecretBuilder().withNewMetadata().withName(prefix() + "-kerberos-keytab").endMetadata()
          .withImmutable(true).addToData(file.getFileName().toString(), Base64.getEncoder().encodeToString(bytes))
          .build());
    }
    return out;
  }

  private static String read(Path file, String key) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw SparkubeException.invalidConfig("cannot read " + file + " (" + key + "): " + e.getMessage());
    }
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "KerberosConfDriverFeatureStep";
  }
}
