package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.sparkube.submit.driver.SubmissionIds;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recovers the random ids Spark drew for one submission from the names and labels it created, so
 * our builder can be given the same ids and its output compared byte for byte.
 *
 * <p>Spark (all three lines) names objects {@code <prefix><suffix>} with prefix
 * {@code <sanitised app name>-<uniqueID>}, uniqueID being 6 random hex digits then the clock's
 * low 40 bits in hex. The Service falls back to {@code spark-<uniqueID>-driver-svc} when the
 * preferred name is over 63 characters. The driver ConfigMap is
 * {@code spark-drv-<uniqueID>-conf-map}, drawn once per JVM (a Scala object's val). The default
 * local dir is {@code /var/data/spark-<UUID>}, mounted into the driver container.
 */
final class SubmissionIdsExtractor {
  static final String DUMMY_APP_ID = "spark-00000000000000000000000000000000";
  static final String DUMMY_ID = "0000000000000000";
  static final String DUMMY_UUID = "00000000-0000-0000-0000-000000000000";

  private static final String SERVICE_SUFFIX = "-driver-svc";
  /** Suffixes Spark appends to the resource name prefix, per object kind. */
  private static final List<String> PREFIXED_SUFFIXES = List.of(
      "-driver", "-kubernetes-credentials", "-podspec-configmap", "-hadoop-config", "-krb5-file",
      "-delegation-tokens", "-kerberos-keytab");
  private static final Pattern ON_DEMAND_PVC = Pattern.compile("(.+)-driver-pvc-\\d+");
  private static final Pattern CONF_MAP = Pattern.compile("spark-drv-([0-9a-f]+)-conf-map");
  private static final Pattern FALLBACK_SERVICE = Pattern.compile("spark-([0-9a-f]+)-driver-svc");
  private static final Pattern LOCAL_DIR = Pattern.compile(
      "/var/data/spark-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
  private static final Pattern UNIQUE_ID = Pattern.compile("[0-9a-f]{7,16}");

  private SubmissionIdsExtractor() {}

  static SubmissionIds extract(CapturedSubmission spark) {
    var appId = Optional.ofNullable(spark.driverPod().getMetadata().getLabels())
        .map(l -> l.get("spark-app-selector")).orElse(DUMMY_APP_ID);
    var configMapId = spark.driverConfigMap()
        .map(c -> CONF_MAP.matcher(c.getMetadata().getName()))
        .filter(m -> m.matches()).map(m -> m.group(1)).orElse(DUMMY_ID);

    var resourceNameId = prefixIdFromNames(spark);
    var serviceName = spark.service().map(s -> s.getMetadata().getName());
    var serviceId = DUMMY_ID;
    if (serviceName.isPresent()) {
      var name = serviceName.get();
      var fallback = FALLBACK_SERVICE.matcher(name);
      var preferred = resourceNameId.map(id -> name.endsWith("-" + id + SERVICE_SUFFIX)).orElse(false);
      if (fallback.matches() && !preferred) {
        serviceId = fallback.group(1);
        // Without other evidence "spark-<id>-driver-svc" may also be the preferred name of an app
        // called "spark"; the same id in both places reproduces the name either way.
        resourceNameId = resourceNameId.or(() -> Optional.of(fallback.group(1)));
      } else if (resourceNameId.isEmpty() && name.endsWith(SERVICE_SUFFIX)) {
        resourceNameId = idOfPrefix(name.substring(0, name.length() - SERVICE_SUFFIX.length()));
      }
    }
    return new SubmissionIds(
        appId, resourceNameId.orElse(DUMMY_ID), configMapId, serviceId, localDirId(spark));
  }

  private static String localDirId(CapturedSubmission spark) {
    return spark.driverPod().getSpec().getContainers().stream()
        .flatMap(c -> c.getVolumeMounts().stream())
        .map(m -> LOCAL_DIR.matcher(m.getMountPath()))
        .filter(m -> m.matches())
        .map(m -> m.group(1))
        .findFirst().orElse(DUMMY_UUID);
  }

  private static Optional<String> prefixIdFromNames(CapturedSubmission spark) {
    var podNameIsCustom = spark.argv().stream()
        .anyMatch(a -> a.startsWith("spark.kubernetes.driver.pod.name="));
    for (HasMetadata object : spark.objects()) {
      if (object instanceof Service || (object instanceof Pod && podNameIsCustom)) {
        continue;
      }
      var name = object.getMetadata().getName();
      var pvc = ON_DEMAND_PVC.matcher(name);
      if (pvc.matches()) {
        return idOfPrefix(pvc.group(1));
      }
      for (var suffix : PREFIXED_SUFFIXES) {
        if (name.endsWith(suffix)) {
          var id = idOfPrefix(name.substring(0, name.length() - suffix.length()));
          if (id.isPresent()) {
            return id;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> idOfPrefix(String prefix) {
    var id = prefix.substring(prefix.lastIndexOf('-') + 1);
    return UNIQUE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }
}
