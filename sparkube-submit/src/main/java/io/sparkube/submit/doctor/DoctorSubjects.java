package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SparkLabels;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.follow.DriverPods;
import io.sparkube.submit.follow.SubmissionId;
import io.sparkube.submit.identity.Identity;
import io.sparkube.submit.identity.IdentityBinding;
import io.sparkube.submit.identity.JobIdentitySettings;
import io.sparkube.submit.identity.JobServiceAccount;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Builds what the doctor examines: from flags, or from a submitted job's pods and its spark.properties. */
public final class DoctorSubjects {
  private static final String CONF_VOLUME = "spark-conf-volume-driver";

  private DoctorSubjects() {}

  /**
   * @param conf settings as a submission would have them (--identity, -n, the service account,
   *     --no-rbac, and whatever decides the driver's API calls)
   */
  public static DoctorSubject forSettings(Conf conf, SparkLine line) {
    var settings = JobIdentitySettings.read(conf, line);
    var binding = cloudBinding(settings);
    var account = conf.getOptional(DriverKeys.DRIVER_SERVICE_ACCOUNT)
        .orElseGet(() -> binding.map(b -> JobServiceAccount.defaultName(b.identity())).orElse("default"));
    return new DoctorSubject(conf.get(DriverKeys.NAMESPACE), account, binding, line, conf, settings.createRbac(),
        Optional.empty(), List.of());
  }

  /** The job's own settings, read back from the spark.properties its driver was given. */
  public static DoctorSubject forJob(KubernetesClient client, SubmissionId id) {
    var pods = new DriverPods(client);
    var driver = pods.find(id).get(0);
    var namespace = driver.getMetadata().getNamespace();
    var conf = Conf.of(sparkProperties(client, driver));
    var line = Optional.ofNullable(driver.getMetadata().getLabels()).map(l -> l.get(SparkLabels.VERSION))
        .flatMap(SparkLine::ofVersion).orElse(SparkLine.V4_0);
    var settings = JobIdentitySettings.read(conf, line);
    var binding = cloudBinding(settings);
    var account = Optional.ofNullable(driver.getSpec().getServiceAccountName()).orElse("default");
    var appId = driver.getMetadata().getLabels().get(SparkLabels.APP_ID);
    List<Pod> executors = appId == null ? List.of() : client.pods().inNamespace(namespace)
        .withLabel(SparkLabels.APP_ID, appId).withLabel(SparkLabels.ROLE, SparkLabels.EXECUTOR).list().getItems();
    return new DoctorSubject(namespace, account, binding, line, conf, settings.createRbac(), Optional.of(driver),
        executors);
  }

  /** The identity to check; none for a job without one or with --identity none. */
  private static Optional<IdentityBinding> cloudBinding(JobIdentitySettings settings) {
    return settings.binding().filter(b -> !(b.identity() instanceof Identity.None));
  }

  private static Map<String, String> sparkProperties(KubernetesClient client, Pod driver) {
    var configMap = Optional.ofNullable(driver.getSpec().getVolumes()).orElse(List.of()).stream()
        .filter(v -> v.getName().equals(CONF_VOLUME) && v.getConfigMap() != null)
        .map(v -> v.getConfigMap().getName()).findFirst()
        .map(name -> client.configMaps().inNamespace(driver.getMetadata().getNamespace()).withName(name).get());
    var text = configMap.map(cm -> cm.getData() == null ? null : cm.getData().get("spark.properties"));
    if (text.isEmpty()) {
      throw new SparkubeException(Failure.NOT_FOUND, "driver pod " + driver.getMetadata().getName()
          + " has no spark.properties ConfigMap; is it a Spark driver submitted in cluster mode?");
    }
    var properties = new Properties();
    try {
      properties.load(new StringReader(text.get()));
    } catch (IOException e) {
      throw new IllegalStateException("a string cannot fail to read", e);
    }
    var map = new LinkedHashMap<String, String>();
    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
    return map;
  }

}
