package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * kube-apiserver's ServiceAccount admission for a new pod: the account defaults to {@code default}
 * and must exist; unless automounting is turned off (pod first, then account), a projected
 * {@code kube-api-access-xxxxx} volume (token, cluster CA, namespace) is added and mounted
 * read-only at {@value #MOUNT_PATH} in every container that has nothing mounted there.
 */
final class ServiceAccountAdmission {
  static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";
  static final long TOKEN_EXPIRATION_SECONDS = 3607;
  // The alphabet of Kubernetes' random name suffixes: no vowels, no look-alikes.
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ServiceAccountAdmission() {}

  /** The admitted pod, or an error message when its service account does not exist. */
  static Pod admit(Pod pod, Optional<ServiceAccount> account, String namespace, String accountName)
      throws AdmissionException {
    var spec = pod.getSpec();
    spec.setServiceAccountName(accountName);
    spec.setServiceAccount(accountName);
    if (account.isEmpty()) {
      throw new AdmissionException("pods \"" + pod.getMetadata().getName() + "\" is forbidden: error looking up"
          + " service account " + namespace + "/" + accountName + ": serviceaccount \"" + accountName
          + "\" not found");
    }
    var automount = spec.getAutomountServiceAccountToken() != null ? spec.getAutomountServiceAccountToken()
        : account.get().getAutomountServiceAccountToken();
    if (Boolean.FALSE.equals(automount)) {
      return pod;
    }
    var volume = apiAccessVolume();
    var needing = Stream.of(spec.getContainers(), spec.getInitContainers()).filter(l -> l != null)
        .flatMap(List::stream).filter(c -> !mountsTokenPath(c)).toList();
    if (needing.isEmpty()) {
      return pod;
    }
    var volumes = new ArrayList<Volume>(spec.getVolumes() == null ? List.of() : spec.getVolumes());
    volumes.add(volume);
    spec.setVolumes(volumes);
    for (var container : needing) {
      var mounts = new ArrayList<>(container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts());
      mounts.add(new VolumeMountBuilder().withName(volume.getName()).withMountPath(MOUNT_PATH).withReadOnly(true)
          .build());
      container.setVolumeMounts(mounts);
    }
    return pod;
  }

  static String randomSuffix(int length) {
    var suffix = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }

  private static boolean mountsTokenPath(Container container) {
    return container.getVolumeMounts() != null
        && container.getVolumeMounts().stream().anyMatch(m -> MOUNT_PATH.equals(m.getMountPath()));
  }

  private static Volume apiAccessVolume() {
    return new VolumeBuilder().withName("kube-api-access-" + randomSuffix(5)).withNewProjected().withDefaultMode(420)
        .addNewSource().withNewServiceAccountToken().withExpirationSeconds(TOKEN_EXPIRATION_SECONDS).withPath("token")
        .endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName(ROOT_CA_CONFIG_MAP).addNewItem().withKey("ca.crt")
        .withPath("ca.crt").endItem().endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef("v1",
            "metadata.namespace").endItem().endDownwardAPI().endSource()
        .endProjected().build();
  }

  static final class AdmissionException extends Exception {
    AdmissionException(String message) {
      super(message);
    }
  }
}
