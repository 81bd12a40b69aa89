package io.sparkube.submit.driver.steps;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.sparkube.model.SparkLine;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Image, ports, resources, identity env, labels and annotations of the driver pod. */
public final class BasicDriverStep implements FeatureStep {
  static final double NON_JVM_OVERHEAD_FACTOR = 0.4;
  private static final long MIN_OVERHEAD_MIB_BEFORE_4_0 = 384;

  private final DriverConf conf;
  private final String image;
  private final String podName;
  private final double defaultOverheadFactor;
  private final long memoryWithOverheadMiB;
  private final DriverPorts ports;
  private final Map<String, Quantity> extraResources;

  public BasicDriverStep(DriverConf conf) {
    this.conf = conf;
    this.podName = conf.driverPodName();
    this.image = conf.image();
    this.ports = DriverPorts.of(conf);
    // Non-JVM drivers need more room outside the heap unless the user says otherwise.
    this.defaultOverheadFactor = !conf.mainAppResource().isJvm() && !conf.conf().contains(DriverKeys.MEMORY_OVERHEAD_FACTOR)
        ? NON_JVM_OVERHEAD_FACTOR
        : conf.get(DriverKeys.MEMORY_OVERHEAD_FACTOR);
    double factor = conf.conf().contains(DriverKeys.DRIVER_MEMORY_OVERHEAD_FACTOR)
        ? conf.get(DriverKeys.DRIVER_MEMORY_OVERHEAD_FACTOR)
        : defaultOverheadFactor;
    long memoryMiB = conf.get(DriverKeys.DRIVER_MEMORY_MIB);
    long minimum = conf.line().atLeast(SparkLine.V4_0)
        ? conf.get(DriverKeys.DRIVER_MIN_MEMORY_OVERHEAD_MIB)
        : MIN_OVERHEAD_MIB_BEFORE_4_0;
    long overhead = conf.getOptional(DriverKeys.DRIVER_MEMORY_OVERHEAD_MIB)
        .orElseGet(() -> Math.max((long) (int) (factor * memoryMiB), minimum));
    this.memoryWithOverheadMiB = memoryMiB + overhead;
    this.extraResources = DriverResourceRequests.parse(conf.conf());
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    var cpuRequest = new Quantity(conf.getOptional(DriverKeys.DRIVER_REQUEST_CORES)
        .orElse(Integer.toString(conf.get(DriverKeys.DRIVER_CORES))));
    var memory = new Quantity(memoryWithOverheadMiB + "Mi");
    var limits = new LinkedHashMap<String, Quantity>();
    conf.getOptional(DriverKeys.DRIVER_LIMIT_CORES).ifPresent(l -> limits.put("cpu", new Quantity(l)));

    var container = new ContainerBuilder(pod.container())
        .withName(pod.container().getName() != null ? pod.container().getName() : SparkLabels.DRIVER_CONTAINER)
        .withImage(image)
        .withImagePullPolicy(conf.get(DriverKeys.IMAGE_PULL_POLICY))
        .addAllToPorts(ports.containerPorts())
        .addNewEnv().withName("SPARK_USER").withValue(conf.environmentOfSubmitter().sparkUser(conf.request().proxyUser())).endEnv()
        .addAllToEnv(customEnv())
        .addNewEnv().withName("SPARK_DRIVER_BIND_ADDRESS")
            .withValueFrom(new EnvVarSourceBuilder().withNewFieldRef("v1", "status.podIP").build()).endEnv()
        .editOrNewResources()
            .addToRequests("cpu", cpuRequest)
            .addToLimits(limits)
            .addToRequests("memory", memory)
            .addToLimits("memory", memory)
            .addToLimits(extraResources)
            .endResources()
        .build();

    var builtPod = new PodBuilder(pod.pod())
        .editOrNewMetadata()
            .withName(podName)
            .addToLabels(conf.labels())
            .addToAnnotations(conf.annotations())
            .endMetadata()
        .editOrNewSpec()
            .withRestartPolicy("Never")
            .addToNodeSelector(conf.nodeSelector())
            .addToNodeSelector(conf.driverNodeSelector())
            .addAllToImagePullSecrets(conf.imagePullSecrets().stream().map(LocalObjectReference::new).toList())
            .endSpec()
        .build();
    conf.schedulerName().ifPresent(builtPod.getSpec()::setSchedulerName);
    return new SparkPod(builtPod, container);
  }

  private List<EnvVar> customEnv() {
    var env = new ArrayList<EnvVar>();
    env.add(new EnvVarBuilder().withName("SPARK_APPLICATION_ID").withValue(conf.appId()).build());
    conf.driverEnv().forEach((k, v) -> env.add(new EnvVarBuilder().withName(k).withValue(v).build()));
    return env;
  }

  @Override
  public Map<String, String> systemProperties() {
    var props = new LinkedHashMap<String, String>();
    props.put(DriverKeys.DRIVER_POD_NAME.key(), podName);
    props.put("spark.app.id", conf.appId());
    props.put("spark.kubernetes.submitInDriver", "true");
    props.put(DriverKeys.MEMORY_OVERHEAD_FACTOR.key(), Double.toString(defaultOverheadFactor));
    // Local jars, files and archives would be uploaded and rewritten here; the parser rejects
    // them before we get this far, so remote URIs pass through unchanged.
    return props;
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "BasicDriverFeatureStep";
  }
}
