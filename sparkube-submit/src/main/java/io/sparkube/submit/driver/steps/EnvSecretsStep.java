package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.util.List;

/** Env vars read from Secrets: spark.kubernetes.driver.secretKeyRef.ENV=secret:key. */
public final class EnvSecretsStep implements FeatureStep {
  private final List<EnvVar> env;

  public EnvSecretsStep(DriverConf conf) {
    this.env = conf.secretEnvRefs().entrySet().stream().map(e -> {
      var parts = e.getValue().split(":");
      if (parts.length != 2) {
        throw SparkubeException.invalidConfig(DriverKeys.DRIVER_SECRET_KEY_REF_PREFIX + e.getKey() + "="
            + e.getValue() + " must have the form secret-name:key");
      }
      return new EnvVarBuilder().withName(e.getKey())
          .withNewValueFrom().withNewSecretKeyRef().withKey(parts[1]).withName(parts[0]).endSecretKeyRef().endValueFrom()
          .build();
    }).toList();
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    return pod.withContainer(new ContainerBuilder(pod.container()).addAllToEnv(env).build());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "EnvSecretsFeatureStep";
  }
}
