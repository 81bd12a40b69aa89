package io.sparkube.submit.driver.steps;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The driver's headless Service, through which executors reach it, and the driver's host name. */
public final class DriverServiceStep implements FeatureStep {
  private final DriverConf conf;
  private final String serviceName;
  private final DriverPorts ports;

  public DriverServiceStep(DriverConf conf) {
    for (var managed : List.of(DriverKeys.DRIVER_BIND_ADDRESS, DriverKeys.DRIVER_HOST)) {
      if (conf.conf().containsRaw(managed)) {
        throw SparkubeException.invalidConfig(managed + " is not supported on Kubernetes: the driver's address is"
            + " its pod IP and its host name is its Service; remove " + managed);
      }
    }
    this.conf = conf;
    this.serviceName = conf.driverServiceName();
    this.ports = DriverPorts.of(conf);
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    return pod;
  }

  @Override
  public Map<String, String> systemProperties() {
    var props = new LinkedHashMap<String, String>();
    props.put(DriverKeys.DRIVER_HOST, serviceName + "." + conf.namespace() + ".svc");
    props.put(DriverKeys.DRIVER_PORT.key(), Integer.toString(ports.driver()));
    props.put(DriverKeys.DRIVER_BLOCK_MANAGER_PORT.key(), Integer.toString(ports.serviceBlockManager()));
    return props;
  }

  @Override
  public List<HasMetadata> resources() {
    var service = new ServiceBuilder()
        .withNewMetadata()
            .withName(serviceName)
            .addToAnnotations(conf.serviceAnnotations())
            .addToLabels(SparkLabels.APP_ID, conf.appId())
            .addToLabels(conf.serviceLabels())
            .endMetadata()
        .withNewSpec()
            .withClusterIP("None")
            .withIpFamilyPolicy(conf.get(DriverKeys.SERVICE_IP_FAMILY_POLICY))
            .withIpFamilies(Arrays.asList(conf.get(DriverKeys.SERVICE_IP_FAMILIES).split(",")))
            .withSelector(conf.labels())
            .withPorts(ports.servicePorts())
            .endSpec()
        .build();
    return List.of(service);
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "DriverServiceFeatureStep";
  }
}
