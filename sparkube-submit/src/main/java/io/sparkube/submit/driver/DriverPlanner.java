package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.DnsNames;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.steps.BasicDriverStep;
import io.sparkube.submit.driver.steps.CredentialsStep;
import io.sparkube.submit.driver.steps.DriverCommandStep;
import io.sparkube.submit.driver.steps.DriverServiceStep;
import io.sparkube.submit.driver.steps.EnvSecretsStep;
import io.sparkube.submit.driver.steps.FeatureStep;
import io.sparkube.submit.driver.steps.HadoopConfStep;
import io.sparkube.submit.driver.steps.KerberosConfStep;
import io.sparkube.submit.driver.steps.MountSecretsStep;
import io.sparkube.submit.driver.steps.MountVolumesStep;
import io.sparkube.submit.driver.steps.PodTemplateConfigMapStep;
import io.sparkube.submit.driver.steps.LocalDirsStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the driver's objects for one Spark line exactly as that line's own Kubernetes client
 * would: an ordered list of feature steps folded over an initial pod, then the ConfigMap that
 * carries spark.properties, mounted at /opt/spark/conf.
 */
public final class DriverPlanner {
  static final String CONF_VOLUME = "spark-conf-volume-driver";
  static final String CONF_DIR = "/opt/spark/conf";
  private static final int CONF_FILE_MODE = 0644;

  private static final List<Function<DriverConf, FeatureStep>> STEPS = List.of(
      BasicDriverStep::new,
      CredentialsStep::new,
      DriverServiceStep::new,
      MountSecretsStep::new,
      EnvSecretsStep::new,
      MountVolumesStep::new,
      DriverCommandStep::new,
      HadoopConfStep::new,
      KerberosConfStep::new,
      PodTemplateConfigMapStep::new,
      LocalDirsStep::new);

  private final SparkLine line;
  private final String sparkVersion;

  public DriverPlanner(SparkLine line) {
    this(line, line.referenceVersion());
  }

  /** @param sparkVersion the job's Spark version, written into the spark-version label */
  public DriverPlanner(SparkLine line, String sparkVersion) {
    this.line = line;
    this.sparkVersion = sparkVersion;
  }

  public SparkLine line() {
    return line;
  }

  public DriverPlan plan(SubmitRequest request, SubmissionIds ids) {
    var conf = new DriverConf(request.conf(), line, sparkVersion, ids, request);
    rejectCustomSteps(conf);
    // Spark checks executor volumes here too, so a bad executor volume fails before anything exists.
    VolumeSpec.parse(request.conf(), DriverKeys.EXECUTOR_VOLUMES_PREFIX, line);

    var steps = steps(conf);
    var pod = initialPod(conf);
    var properties = new LinkedHashMap<>(request.conf().asMap());
    var preResources = new ArrayList<HasMetadata>();
    var resources = new ArrayList<HasMetadata>();
    for (var step : steps) {
      pod = step.configurePod(pod);
      properties.putAll(step.systemProperties());
      preResources.addAll(step.preResources());
      resources.addAll(step.resources());
    }

    var configMapName = configMapName(ids);
    var confFiles = SparkConfFiles.build(configMapName, sparkConfDir(conf), conf.get(DriverKeys.CONFIG_MAP_MAX_SIZE),
        properties);
    var driverPod = withConfVolume(pod, configMapName, confFiles);
    var configMap = configMap(configMapName, conf.namespace(), confFiles);
    return new DriverPlan(conf.namespace(), driverPod, preResources, resources, configMap, ids.appId());
  }

  private List<FeatureStep> steps(DriverConf conf) {
    var excluded = line.atLeast(SparkLine.V4_1) ? conf.get(DriverKeys.DRIVER_EXCLUDED_FEATURE_STEPS) : List.<String>of();
    return STEPS.stream().map(s -> s.apply(conf)).filter(s -> !excluded.contains(s.sparkClassName())).toList();
  }

  private static void rejectCustomSteps(DriverConf conf) {
    var custom = conf.get(DriverKeys.DRIVER_FEATURE_STEPS);
    if (!custom.isEmpty()) {
      throw SparkubeException.invalidConfig(DriverKeys.DRIVER_FEATURE_STEPS.key() + "=" + String.join(",", custom)
          + " names code that only Spark's own client can run; use a pod template, or submit with spark-submit");
    }
  }

  private static SparkPod initialPod(DriverConf conf) {
    return conf.driverPodTemplate()
        .map(template -> PodTemplates.selectSparkContainer(template,
            conf.getOptional(DriverKeys.DRIVER_POD_TEMPLATE_CONTAINER)))
        .orElseGet(SparkPod::initial);
  }

  private static Optional<String> sparkConfDir(DriverConf conf) {
    return conf.environmentOfSubmitter().variable("SPARK_CONF_DIR")
        .or(() -> conf.conf().raw("spark.home").map(home -> home + "/conf"));
  }

  /** {@code spark-drv-<id>-conf-map}, cut to fit a DNS subdomain. */
  static String configMapName(SubmissionIds ids) {
    var prefix = "spark-drv-" + ids.configMapId();
    var suffix = "-conf-map";
    int room = DnsNames.SUBDOMAIN_MAX - suffix.length();
    return (prefix.length() > room ? prefix.substring(0, room) : prefix) + suffix;
  }

  private static Pod withConfVolume(SparkPod pod, String configMapName, Map<String, String> confFiles) {
    var container = new ContainerBuilder(pod.container())
        .addNewEnv().withName("SPARK_CONF_DIR").withValue(CONF_DIR).endEnv()
        .addNewVolumeMount().withName(CONF_VOLUME).withMountPath(CONF_DIR).endVolumeMount()
        .build();
    List<KeyToPath> items = confFiles.keySet().stream().sorted(Comparator.naturalOrder())
        .map(name -> new KeyToPathBuilder().withKey(name).withMode(CONF_FILE_MODE).withPath(name).build())
        .toList();
    return new PodBuilder(pod.pod())
        .editSpec()
            .addToContainers(container)
            .addNewVolume().withName(CONF_VOLUME)
                .withNewConfigMap().withItems(items).withName(configMapName).endConfigMap()
                .endVolume()
            .endSpec()
        .build();
  }

  private static ConfigMap configMap(String name, String namespace, Map<String, String> confFiles) {
    // Spark also writes the namespace into the ConfigMap's data, next to the files.
    var data = new LinkedHashMap<>(confFiles);
    data.put(DriverKeys.NAMESPACE.key(), namespace);
    return new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(Map.of()).endMetadata()
        .withImmutable(true)
        .addToData(data)
        .build();
  }
}
