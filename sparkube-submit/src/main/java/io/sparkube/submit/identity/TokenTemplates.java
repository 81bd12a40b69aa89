package io.sparkube.submit.identity;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.BoundedMemo;
import io.sparkube.submit.driver.PodTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds an identity's projected token volume to a pod template, for the one thing Spark's conf
 * cannot express: executors (and the driver) mounting a projected ServiceAccount token. The
 * user's own template, if any, is kept, and the mount goes into the container Spark will pick.
 */
final class TokenTemplates {
  /** Identities in use at once, times two roles; more only costs building some templates again. */
  private static final int REMEMBERED = 64;
  /**
   * Without a user template the text depends on these alone, so an operator running many jobs of
   * one identity builds and serializes each role's template once, not twice per job.
   */
  private record Plain(Optional<String> containerName, String defaultContainerName, WorkloadToken token) {}

  private static final BoundedMemo<Plain, String> PLAIN = new BoundedMemo<>(REMEMBERED);

  private TokenTemplates() {}

  /**
   * @param userTemplate the template the user gave for this role, if any
   * @param containerName the role's podTemplateContainerName setting
   * @param defaultContainerName Spark's name for the role's container, used when the template has none
   */
  static String withToken(Optional<Pod> userTemplate, Optional<String> containerName, String defaultContainerName,
      WorkloadToken token) {
    if (userTemplate.isEmpty()) {
      return PLAIN.get(new Plain(containerName, defaultContainerName, token),
          plain -> build(Optional.empty(), plain.containerName(), plain.defaultContainerName(), plain.token()));
    }
    return build(userTemplate, containerName, defaultContainerName, token);
  }

  /** {@link #withToken} without remembering, built afresh. */
  static String build(Optional<Pod> userTemplate, Optional<String> containerName, String defaultContainerName,
      WorkloadToken token) {
    var pod = userTemplate.map(p -> new PodBuilder(p).editOrNewSpec().endSpec().build())
        .orElseGet(() -> new PodBuilder().withApiVersion("v1").withKind("Pod").withNewSpec().endSpec().build());
    var volumes = new ArrayList<Volume>(pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes());
    if (volumes.stream().anyMatch(v -> token.volumeName().equals(v.getName()))) {
      throw SparkubeException.invalidConfig("the pod template already has a volume named " + token.volumeName()
          + ", which the identity's token needs; rename it, or pass --identity-injection webhook");
    }
    volumes.add(volume(token));
    var containers = new ArrayList<Container>(pod.getSpec().getContainers());
    var index = PodTemplates.sparkContainerIndex(pod, containerName);
    var mount = new VolumeMountBuilder().withName(token.volumeName()).withMountPath(token.mountPath())
        .withReadOnly(true).build();
    if (index.isPresent()) {
      var spark = containers.get(index.getAsInt());
      containers.set(index.getAsInt(), new ContainerBuilder(spark).addToVolumeMounts(mount).build());
    } else {
      containers.add(new ContainerBuilder().withName(defaultContainerName).addToVolumeMounts(mount).build());
    }
    var merged = new PodBuilder(pod).editSpec().withVolumes(volumes).withContainers(containers).endSpec().build();
    return Serialization.asYaml(merged);
  }

  private static Volume volume(WorkloadToken token) {
    return new VolumeBuilder().withName(token.volumeName()).withNewProjected()
        .addNewSource().withNewServiceAccountToken().withAudience(token.audience())
            .withExpirationSeconds(token.expirationSeconds()).withPath(token.fileName()).endServiceAccountToken()
            .endSource()
        .endProjected().build();
  }
}
