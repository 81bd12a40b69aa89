package io.sparkube.submit.driver;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.DnsNames;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.SparkLabels;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.order.SparkPrefixedPairs;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One submission's settings as the driver's feature steps read them: the conf plus the Spark
 * line, its version, the random ids and the request. Derived names (resource prefix, labels,
 * service name) are computed here once, by the rules Spark's KubernetesDriverConf uses.
 */
public record DriverConf(
    Conf conf, SparkLine line, String sparkVersion, SubmissionIds ids, SubmitRequest request) {



  public <T> T get(ConfigKey<T> key) {
    return conf.get(key);
  }

  public <T> Optional<T> getOptional(ConfigKey<T> key) {
    return conf.getOptional(key);
  }

  public String appId() {
    return ids.appId();
  }

  public String appName() {
    return conf.get(DriverKeys.APP_NAME);
  }

  public String namespace() {
    return conf.get(DriverKeys.NAMESPACE);
  }

  /** The driver's pod template: Sparkube's prepared text, else the file the conf names. */
  public Optional<Pod> driverPodTemplate() {
    return TemplateFiles.driverPod(request);
  }

  /** The executors' pod template text: Sparkube's prepared text, else the file the conf names. */
  public Optional<String> executorPodTemplateText() {
    return TemplateFiles.executorText(request);
  }

  public MainAppResource mainAppResource() {
    return request.mainAppResource();
  }

  public SubmitEnvironment environmentOfSubmitter() {
    return request.environment();
  }

  /** {@code <app name>-<id>}, lower-cased and made DNS-safe, as Spark's getResourceNamePrefix. */
  public String resourceNamePrefix() {
    return (appName() + "-" + ids.resourceNameId())
        .trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9\\-]", "-")
        .replaceAll("-+", "-")
        .replaceAll("^-", "")
        .replaceAll("^[0-9]", "x");
  }

  public String driverPodName() {
    return conf.getOptional(DriverKeys.DRIVER_POD_NAME).orElse(resourceNamePrefix() + "-driver");
  }

  /** The Service name, falling back to a short random one when the preferred is too long. */
  public String driverServiceName() {
    var preferred = resourceNamePrefix() + "-driver-svc";
    return preferred.length() <= DnsNames.LABEL_MAX ? preferred : "spark-" + ids.serviceId() + "-driver-svc";
  }

  public String image() {
    var image = conf.getOptional(DriverKeys.DRIVER_CONTAINER_IMAGE).orElseThrow(() -> new SparkubeException(
        io.sparkube.model.error.Failure.MISSING_IMAGE,
        "no driver image is set; set spark.kubernetes.container.image (or spark.kubernetes.driver.container.image)"));
    // 4.1 started expanding {{SPARK_VERSION}} in image names.
    return line.atLeast(SparkLine.V4_1) ? image.replace("{{SPARK_VERSION}}", sparkVersion) : image;
  }

  /** The app name as a label value: sanitised, at most 63 characters, no dash at either end. */
  public String appNameLabel() {
    var sanitised = appName().trim().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9\\-]", "-")
        .replaceAll("-+", "-");
    var cut = sanitised.length() > DnsNames.LABEL_MAX ? sanitised.substring(0, DnsNames.LABEL_MAX) : sanitised;
    if (cut.startsWith("-")) {
      cut = cut.substring(1);
    }
    if (cut.endsWith("-")) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut;
  }

  /** Custom driver labels plus Spark's own; custom ones may not take Spark's keys. */
  public Map<String, String> labels() {
    var preset = new LinkedHashMap<String, String>();
    preset.put(SparkLabels.VERSION, sparkVersion);
    preset.put(SparkLabels.APP_ID, appId());
    preset.put(SparkLabels.APP_NAME, appNameLabel());
    preset.put(SparkLabels.ROLE, SparkLabels.DRIVER);
    var custom = substituteIdsFrom(SparkLine.V4_0, prefixed(DriverKeys.DRIVER_LABEL_PREFIX));
    for (var key : preset.keySet()) {
      if (custom.containsKey(key)) {
        throw SparkubeException.invalidConfig("label " + key + " is reserved for Spark; remove "
            + DriverKeys.DRIVER_LABEL_PREFIX + key);
      }
    }
    var all = new LinkedHashMap<>(custom);
    all.putAll(preset);
    return all;
  }

  /** Driver annotations; {{APP_ID}} is replaced in every line (3.5 did it in the basic step). */
  public Map<String, String> annotations() {
    var out = new LinkedHashMap<String, String>();
    prefixed(DriverKeys.DRIVER_ANNOTATION_PREFIX).forEach((k, v) -> out.put(k, substituteIds(v)));
    return out;
  }

  public Map<String, String> serviceLabels() {
    return prefixed(DriverKeys.SERVICE_LABEL_PREFIX);
  }

  public Map<String, String> serviceAnnotations() {
    return prefixed(DriverKeys.SERVICE_ANNOTATION_PREFIX);
  }

  public Map<String, String> driverEnv() {
    return prefixed(DriverKeys.DRIVER_ENV_PREFIX);
  }

  public Map<String, String> secretMounts() {
    return prefixed(DriverKeys.DRIVER_SECRETS_PREFIX);
  }

  public Map<String, String> secretEnvRefs() {
    return prefixed(DriverKeys.DRIVER_SECRET_KEY_REF_PREFIX);
  }

  public Map<String, String> nodeSelector() {
    return prefixed(DriverKeys.NODE_SELECTOR_PREFIX);
  }

  public Map<String, String> driverNodeSelector() {
    return prefixed(DriverKeys.DRIVER_NODE_SELECTOR_PREFIX);
  }

  /**
   * The settings under {@code prefix} in the order Spark's parsePrefixedKeyValuePairs iterates
   * them; env vars, secret mounts and secretKeyRefs are listed in that order.
   */
  private Map<String, String> prefixed(String prefix) {
    return new SparkPrefixedPairs(line).parse(conf.asMap(), prefix);
  }

  public List<String> imagePullSecrets() {
    return conf.get(DriverKeys.IMAGE_PULL_SECRETS);
  }

  public Optional<String> schedulerName() {
    return conf.getOptional(DriverKeys.DRIVER_SCHEDULER_NAME).or(() -> conf.getOptional(DriverKeys.SCHEDULER_NAME));
  }

  public String substituteIds(String value) {
    return value.replace("{{APP_ID}}", appId()).replace("{{EXECUTOR_ID}}", "");
  }

  private Map<String, String> substituteIdsFrom(SparkLine since, Map<String, String> values) {
    if (!line.atLeast(since)) {
      return values;
    }
    var out = new LinkedHashMap<String, String>();
    values.forEach((k, v) -> out.put(k, substituteIds(v)));
    return out;
  }
}
