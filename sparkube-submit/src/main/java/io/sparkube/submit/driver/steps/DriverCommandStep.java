package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.LocalUris;
import io.sparkube.submit.driver.SparkPod;
import java.util.Map;
import java.util.Optional;

/** The driver container's arguments: the image entrypoint's "driver" role, then spark-submit's. */
public final class DriverCommandStep implements FeatureStep {
  static final String PROPERTIES_FILE = "/opt/spark/conf/spark.properties";
  static final String NO_RESOURCE = "spark-internal";

  private final DriverConf conf;

  public DriverCommandStep(DriverConf conf) {
    this.conf = conf;
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    var resource = conf.mainAppResource();
    if (resource instanceof MainAppResource.JavaResource java) {
      // The jar already reaches the driver through spark.jars; a local one is not passed twice.
      var jar = java.uri().orElse(NO_RESOURCE);
      return pod.withContainer(baseContainer(pod, LocalUris.isLocal(jar) ? NO_RESOURCE : jar).build());
    }
    if (resource instanceof MainAppResource.PythonResource python) {
      var env = conf.environmentOfSubmitter();
      var pyspark = conf.getOptional(DriverKeys.PYSPARK_PYTHON).or(() -> env.variable("PYSPARK_PYTHON"));
      var driverPython = conf.getOptional(DriverKeys.PYSPARK_DRIVER_PYTHON)
          .or(() -> conf.getOptional(DriverKeys.PYSPARK_PYTHON))
          .or(() -> env.variable("PYSPARK_DRIVER_PYTHON"))
          .or(() -> env.variable("PYSPARK_PYTHON"));
      var container = baseContainer(pod, python.uri());
      addEnv(container, "PYSPARK_PYTHON", pyspark);
      addEnv(container, "PYSPARK_DRIVER_PYTHON", driverPython);
      return pod.withContainer(container.build());
    }
    var r = (MainAppResource.RResource) resource;
    return pod.withContainer(baseContainer(pod, r.uri()).build());
  }

  private static void addEnv(ContainerBuilder container, String name, Optional<String> value) {
    value.ifPresent(v -> container.addToEnv(new EnvVarBuilder().withName(name).withValue(v).build()));
  }

  private ContainerBuilder baseContainer(SparkPod pod, String resource) {
    var builder = new ContainerBuilder(pod.container()).addToArgs("driver");
    conf.request().proxyUser().ifPresent(user -> builder.addToArgs("--proxy-user", user));
    return builder
        .addToArgs("--properties-file", PROPERTIES_FILE)
        .addToArgs("--class", conf.request().mainClass())
        .addToArgs(resource)
        .addAllToArgs(conf.request().appArgs());
  }

  @Override
  public Map<String, String> systemProperties() {
    var resource = conf.mainAppResource();
    var type = resource instanceof MainAppResource.JavaResource ? "java"
        : resource instanceof MainAppResource.PythonResource ? "python" : "r";
    return Map.of("spark.kubernetes.resource.type", type);
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "DriverCommandFeatureStep";
  }
}
