package io.sparkube.submit;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.args.LineChecks;
import io.sparkube.submit.args.SparkLineResolver;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.create.CreatedDriver;
import io.sparkube.submit.create.JobCreator;
import io.sparkube.submit.create.VerifiedServiceAccounts;
import io.sparkube.submit.driver.DriverPlan;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.identity.InjectionChoice;
import io.sparkube.submit.identity.JobIdentitySettings;
import io.sparkube.submit.identity.RememberedWebhooks;
import io.sparkube.submit.identity.WebhookDetector;
import io.sparkube.submit.staging.LocalFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submission for a long-running caller, such as the operator: one shared client for every job,
 * no JVM and no connection per job, no uploads and no following. Planning validates everything and
 * creates nothing; the caller picks the ids, so that repeating a submission names the same objects.
 */
public final class ClusterSubmitter {
  private static final Duration WEBHOOKS_REMEMBERED = Duration.ofMinutes(1);

  /** The caller's own rules for a job, checked on its settings once parsed; it throws to refuse. */
  @FunctionalInterface
  public interface JobPolicy {
    JobPolicy NONE = conf -> { };

    void check(io.sparkube.model.config.Conf conf);
  }

  private final KubernetesClient client;
  private final Clock clock;
  private final RememberedWebhooks webhooks;
  private final VerifiedServiceAccounts accounts;

  /** A submitter that reads each job's ServiceAccount afresh. */
  public ClusterSubmitter(KubernetesClient client, Clock clock) {
    this(client, clock, VerifiedServiceAccounts.none());
  }

  /** @param accounts the ServiceAccounts this submitter verified lately, trusted for the next jobs */
  public ClusterSubmitter(KubernetesClient client, Clock clock, VerifiedServiceAccounts accounts) {
    this.client = client;
    this.clock = clock;
    this.accounts = accounts;
    this.webhooks = new RememberedWebhooks(new WebhookDetector(client)::present, clock, WEBHOOKS_REMEMBERED);
  }

  /**
   * The job spark-submit's {@code argv} describes, with this client's cluster as the master.
   *
   * @throws SparkubeException for anything the job's settings get wrong
   */
  public JobPlan plan(List<String> argv, SubmitEnvironment env, SubmissionIds ids, JobPolicy policy,
      Reporter reporter) {
    var parsed = new SparkSubmitParser(reporter, clock).parse(argv, env);
    var options = parsed.options();
    var conf = parsed.request().conf();
    policy.check(conf);
    var line = SparkLineResolver.resolve(options.sparkVersion(), conf);
    LineChecks.requireFlagsSupported(options, line);
    LineChecks.unknownKeyWarnings(conf, line).forEach(reporter::warn);
    var identity = JobIdentitySettings.read(conf, line);
    LocalFiles.first(parsed.request()).ifPresent(entry -> {
      throw SparkubeException.invalidConfig(entry.where() + " " + entry.uri() + " is a path on the submitting"
          + " machine, which the cluster cannot reach; use local://<path> for a file inside the image, or a"
          + " remote URI (https://, s3a://, gs://, abfss://)");
    });
    var request = parsed.request();
    if (!conf.containsRaw("spark.master")) {
      request = request.withConf(conf.with("spark.master", "k8s://" + withoutSlash(client.getMasterUrl().toString())));
    }
    var version = SparkLineResolver.release(line, options.sparkVersion(), request.conf());
    var inject = InjectionChoice.inject(identity, () -> Optional.of(webhooks), reporter);
    return new JobPlanner(line, version, reporter).plan(request, ids, identity, inject);
  }

  /**
   * Creates the job's objects, its driver pod owned by {@code owner} and carrying {@code labels}, so
   * deleting the owner deletes the job; a failure part way deletes what was created. A driver an
   * earlier call with the same plan made is adopted, not made twice (see {@link CreatedDriver#adopted()}).
   */
  public CreatedDriver create(JobPlan plan, OwnerReference owner, Map<String, String> labels, Reporter reporter) {
    var driver = plan.driver();
    var pod = new PodBuilder(driver.driverPod()).editMetadata().addToOwnerReferences(owner).addToLabels(labels)
        .endMetadata().build();
    var owned = new DriverPlan(driver.namespace(), pod, driver.preResources(), driver.resources(), driver.configMap(),
        driver.appId());
    return new JobCreator(client, reporter, accounts).create(new JobPlan(plan.serviceAccount(), owned));
  }

  private static String withoutSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
