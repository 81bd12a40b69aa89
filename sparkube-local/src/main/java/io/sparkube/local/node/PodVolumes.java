package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Materialises a pod's volumes under {@code <podDir>/volumes/<name>} before its containers start.
 * Contents are written once: later ConfigMap or Secret edits do not reach a running pod.
 */
final class PodVolumes {
  private final ClusterObjects objects;
  private final ServiceAccountTokens tokens;

  PodVolumes(ClusterObjects objects, ServiceAccountTokens tokens) {
    this.objects = objects;
    this.tokens = tokens;
  }

  /** Throws {@link MissingReferenceException} before writing anything if a referenced object is absent. */
  void checkReferences(Pod pod) {
    var ns = pod.getMetadata().getNamespace();
    for (var volume : pod.getSpec().getVolumes()) {
      if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
        objects.requireConfigMap(ns, volume.getConfigMap().getName());
      }
      if (volume.getSecret() != null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
        objects.requireSecret(ns, volume.getSecret().getSecretName());
      }
      if (volume.getProjected() != null) {
        for (var source : volume.getProjected().getSources()) {
          if (source.getConfigMap() != null && !Boolean.TRUE.equals(source.getConfigMap().getOptional())) {
            objects.requireConfigMap(ns, source.getConfigMap().getName());
          }
          if (source.getSecret() != null && !Boolean.TRUE.equals(source.getSecret().getOptional())) {
            objects.requireSecret(ns, source.getSecret().getName());
          }
        }
      }
    }
  }

  Map<String, PreparedVolume> prepare(Pod pod, String podIp, Path podDir) {
    var prepared = new LinkedHashMap<String, PreparedVolume>();
    for (var volume : pod.getSpec().getVolumes()) {
      prepared.put(volume.getName(), prepare(pod, podIp, volume, podDir.resolve("volumes").resolve(volume.getName())));
    }
    return prepared;
  }

  private PreparedVolume prepare(Pod pod, String podIp, Volume volume, Path dir) {
    var ns = pod.getMetadata().getNamespace();
    if (volume.getHostPath() != null) {
      return PreparedVolume.directory(Path.of(volume.getHostPath().getPath()));
    }
    if (volume.getEmptyDir() != null && "Memory".equals(volume.getEmptyDir().getMedium())) {
      return PreparedVolume.memory();
    }
    createDirectory(dir);
    if (volume.getConfigMap() != null) {
      var source = volume.getConfigMap();
      objects.configMap(ns, source.getName()).ifPresent(cm -> VolumeFiles.writeMap(dir, data(cm), source.getItems(),
          source.getDefaultMode(), Boolean.TRUE.equals(source.getOptional()), "ConfigMap " + source.getName()));
    } else if (volume.getSecret() != null) {
      var source = volume.getSecret();
      objects.secret(ns, source.getSecretName()).ifPresent(s -> VolumeFiles.writeMap(dir, data(s), source.getItems(),
          source.getDefaultMode(), Boolean.TRUE.equals(source.getOptional()), "Secret " + source.getSecretName()));
    } else if (volume.getDownwardAPI() != null) {
      writeDownward(pod, podIp, dir, volume.getDownwardAPI().getItems(), volume.getDownwardAPI().getDefaultMode());
    } else if (volume.getProjected() != null) {
      for (var source : volume.getProjected().getSources()) {
        writeProjection(pod, podIp, dir, source, volume.getProjected().getDefaultMode());
      }
    } else if (volume.getPersistentVolumeClaim() != null) {
      throw new ContainerConfigException("CreateContainerConfigError", "volume " + volume.getName()
          + ": persistentVolumeClaim volumes are not supported on the local node; use emptyDir or hostPath");
    } else if (volume.getEmptyDir() == null) {
      throw new ContainerConfigException("CreateContainerConfigError", "volume " + volume.getName()
          + ": this volume type is not supported on the local node (supported: configMap, secret, emptyDir, hostPath,"
          + " projected, downwardAPI)");
    }
    return volume.getEmptyDir() != null ? PreparedVolume.directory(dir) : PreparedVolume.generated(dir);
  }

  private void writeProjection(Pod pod, String podIp, Path dir, VolumeProjection source, Integer defaultMode) {
    var ns = pod.getMetadata().getNamespace();
    if (source.getConfigMap() != null) {
      var ref = source.getConfigMap();
      objects.configMap(ns, ref.getName()).ifPresent(cm -> VolumeFiles.writeMap(dir, data(cm), ref.getItems(),
          defaultMode, Boolean.TRUE.equals(ref.getOptional()), "ConfigMap " + ref.getName()));
    } else if (source.getSecret() != null) {
      var ref = source.getSecret();
      objects.secret(ns, ref.getName()).ifPresent(s -> VolumeFiles.writeMap(dir, data(s), ref.getItems(),
          defaultMode, Boolean.TRUE.equals(ref.getOptional()), "Secret " + ref.getName()));
    } else if (source.getDownwardAPI() != null) {
      writeDownward(pod, podIp, dir, source.getDownwardAPI().getItems(), defaultMode);
    } else if (source.getServiceAccountToken() != null) {
      var token = source.getServiceAccountToken();
      // Written only once the API server issued it; a failure keeps the pod waiting with the reason.
      var jwt = tokens.issue(pod, token.getAudience(), token.getExpirationSeconds());
      VolumeFiles.write(dir.resolve(token.getPath()), jwt, defaultMode == null ? 0600 : defaultMode);
    }
  }

  private void writeDownward(Pod pod, String podIp, Path dir, List<DownwardAPIVolumeFile> items, Integer defaultMode) {
    for (var item : items) {
      var container = item.getResourceFieldRef() == null ? null : pod.getSpec().getContainers().stream()
          .filter(c -> c.getName().equals(item.getResourceFieldRef().getContainerName())).findFirst()
          .orElse(pod.getSpec().getContainers().get(0));
      var value = item.getFieldRef() != null ? PodFields.field(pod, item.getFieldRef().getFieldPath(), podIp)
          : PodFields.resource(container, item.getResourceFieldRef().getResource(), item.getResourceFieldRef().getDivisor());
      var mode = item.getMode() != null ? item.getMode() : defaultMode != null ? defaultMode : VolumeFiles.DEFAULT_MODE;
      VolumeFiles.write(dir.resolve(item.getPath()), value, mode);
    }
  }

  private static Map<String, byte[]> data(ConfigMap map) {
    var data = new LinkedHashMap<String, byte[]>();
    if (map.getData() != null) {
      map.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (map.getBinaryData() != null) {
      map.getBinaryData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    return data;
  }

  private static Map<String, byte[]> data(Secret secret) {
    var data = new LinkedHashMap<String, byte[]>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    return data;
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create volume directory " + dir, e);
    }
  }
}
