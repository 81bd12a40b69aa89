package io.sparkube.submit.identity;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.PodTemplateTexts;
import io.sparkube.submit.driver.TemplateFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a job's identity into what Spark's own client reads, as a careful user would by hand:
 * the ServiceAccount for both roles, the provider's pod labels, the storage connectors' credential
 * settings, and, where Sparkube injects, the token's env vars and pod templates carrying its
 * volume. Nothing the user set explicitly is overridden; a value that defeats the identity is
 * kept and named in a warning.
 */
public final class IdentityConf {
  static final String DRIVER_CONTAINER = "spark-kubernetes-driver";
  static final String EXECUTOR_CONTAINER = "spark-kubernetes-executor";

  private final Reporter reporter;

  public IdentityConf(Reporter reporter) {
    this.reporter = reporter;
  }

  /** @param inject whether Sparkube adds the token volume and env vars (no webhook does) */
  public AppliedIdentity apply(SubmitRequest request, IdentityBinding binding, boolean inject) {
    var conf = request.conf();
    if (binding.identity() instanceof Identity.None) {
      var account = conf.getOptional(DriverKeys.DRIVER_SERVICE_ACCOUNT).orElse("default");
      return new AppliedIdentity(request, Optional.empty(), Optional.empty(), account, false);
    }
    var account = conf.getOptional(DriverKeys.DRIVER_SERVICE_ACCOUNT)
        .orElseGet(() -> JobServiceAccount.defaultName(binding.identity()));
    var writer = new ConfWriter(conf, binding.identity());
    writer.put(DriverKeys.DRIVER_SERVICE_ACCOUNT.key(), account, "the driver");
    writer.put(DriverKeys.EXECUTOR_SERVICE_ACCOUNT.key(), account, "executors");
    binding.podLabels().forEach((label, value) -> {
      writer.put("spark.kubernetes.driver.label." + label, value, "the driver");
      writer.put("spark.kubernetes.executor.label." + label, value, "executors");
    });
    var templates = request.templates();
    if (inject && binding.token().isPresent()) {
      requireTenant(binding.identity());
      var token = binding.token().get();
      token.env().forEach((name, value) -> {
        writer.put("spark.kubernetes.driverEnv." + name, value, "the driver");
        writer.put("spark.executorEnv." + name, value, "executors");
      });
      templates = withTokenVolume(request, token);
    }
    binding.hadoopSettings().forEach((key, value) -> writer.put("spark.hadoop." + key, value, "storage connectors"));
    DefeatingSettings.in(writer.conf(), binding.identity()).forEach(key -> reporter.warn(key + " is set, so storage"
        + " or SDK calls may use that credential instead of " + binding.identity().spec()));
    binding.caveats().forEach(reporter::warn);
    writer.conflicts().forEach(reporter::warn);

    var namespace = conf.get(DriverKeys.NAMESPACE);
    return new AppliedIdentity(request.withConf(writer.conf()).withTemplates(templates), Optional.of(binding),
        Optional.of(JobServiceAccount.desired(namespace, account, binding)), account, inject);
  }

  /** The webhook knows its cluster's tenant; without it, the SDKs must be told. */
  private static void requireTenant(Identity identity) {
    if (identity instanceof Identity.AzureWorkload azure && azure.tenantId().isEmpty()) {
      throw SparkubeException.invalidConfig("--identity " + identity.spec() + " names no tenant, and Sparkube adds"
          + " the token itself here (no workload identity webhook); give azure:<client-id>@<tenant-id>");
    }
  }

  private static PodTemplateTexts withTokenVolume(SubmitRequest request, WorkloadToken token) {
    var conf = request.conf();
    var driverTemplate = TemplateFiles.driverPod(request);
    var executorTemplate = TemplateFiles.executorPod(request);
    return new PodTemplateTexts(
        Optional.of(TokenTemplates.withToken(driverTemplate, conf.getOptional(DriverKeys.DRIVER_POD_TEMPLATE_CONTAINER),
            DRIVER_CONTAINER, token)),
        Optional.of(TokenTemplates.withToken(executorTemplate,
            conf.getOptional(DriverKeys.EXECUTOR_POD_TEMPLATE_CONTAINER), EXECUTOR_CONTAINER, token)));
  }

  /** Adds settings the user did not give; collects a line for each one the user gave otherwise. */
  private static final class ConfWriter {
    private Conf conf;
    private final Identity identity;
    private final List<String> conflicts = new ArrayList<>();

    ConfWriter(Conf conf, Identity identity) {
      this.conf = conf;
      this.identity = identity;
    }

    void put(String key, String value, String who) {
      var given = conf.raw(key);
      if (given.isEmpty()) {
        conf = conf.with(key, value);
      } else if (!given.get().equals(value)) {
        conflicts.add(key + "=" + given.get() + " was set explicitly and is kept, so " + who + " may not use "
            + identity.spec() + " (it would set " + value + ")");
      }
    }

    Conf conf() {
      return conf;
    }

    List<String> conflicts() {
      return conflicts;
    }
  }
}
