package io.sparkube.cli.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.cli.jobs.ClusterOptions;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.doctor.Doctor;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.doctor.DoctorSubjects;
import io.sparkube.submit.follow.SubmissionId;
import io.sparkube.submit.identity.IdentityKeys;
import io.sparkube.submit.kube.ClusterConnector;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkube doctor}: checks a job's identity chain and prints a pass/fail table with fixes. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check the identity chain of a job, or of the jobs an identity would run: the ServiceAccount"
        + " and its annotation, the driver's access, the job's pods, the token issuer, and a token's audience and"
        + " subject.", "Exits 1 if any check fails."})
public final class DoctorCommand implements Callable<Integer> {
  static final int CHECKS_FAILED = 1;

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--job", paramLabel = "SUBMISSION_ID",
      description = "[namespace:]driver-pod: check this job's settings and live pods")
  String job;

  @Option(names = "--identity", paramLabel = "ID", description = "the identity to check, as sparkube submit takes it")
  String identity;

  @Option(names = "--service-account", paramLabel = "NAME",
      description = "the driver's ServiceAccount; default: the identity's, as sparkube submit names it")
  String serviceAccount;

  @Option(names = "--spark-version", paramLabel = "VERSION", defaultValue = "4.0",
      description = "the Spark line whose driver access is checked; default: ${DEFAULT-VALUE}")
  String sparkVersion;

  @Option(names = "--no-rbac", description = "the driver's access is granted by an admin, not by each submission")
  boolean noRbac;

  private final Terminal terminal;

  DoctorCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try (KubernetesClient client = ClusterConnector.connect(cluster.settings(terminal.environment()))) {
      var subject = job != null ? DoctorSubjects.forJob(client, withNamespace(SubmissionId.parse(job)))
          : DoctorSubjects.forSettings(settings(), line());
      var checks = new Doctor(client).examine(subject);
      terminal.out().print(CheckTable.render(subject, checks));
      return Doctor.passed(checks) ? 0 : CHECKS_FAILED;
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  /** An id without a namespace means -n, else spark.kubernetes.namespace, else default, as the job commands. */
  private SubmissionId withNamespace(SubmissionId id) {
    var namespace = cluster.namespace().orElseGet(() -> cluster.conf().get(DriverKeys.NAMESPACE));
    return new SubmissionId(Optional.of(id.namespaceOr(namespace)), id.podName());
  }

  private Conf settings() {
    var conf = new LinkedHashMap<>(cluster.conf().asMap());
    cluster.namespace().ifPresent(ns -> conf.put("spark.kubernetes.namespace", ns));
    if (identity != null) {
      conf.put(IdentityKeys.IDENTITY.key(), identity);
    }
    if (serviceAccount != null) {
      conf.put("spark.kubernetes.authenticate.driver.serviceAccountName", serviceAccount);
    }
    if (noRbac) {
      conf.put(IdentityKeys.CREATE_RBAC.key(), "false");
    }
    return Conf.of(conf);
  }

  private SparkLine line() {
    return SparkLine.ofVersion(sparkVersion).orElseThrow(() -> new SparkubeException(Failure.INVALID_CONFIG,
        "--spark-version " + sparkVersion + " is not a supported Spark line; use " + SparkLine.supported()));
  }


}
