package io.sparkube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.e2e.aws.ClusterJwks;
import io.sparkube.e2e.aws.IdentityDeps;
import io.sparkube.e2e.aws.S3Proxy;
import io.sparkube.e2e.aws.TestSts;
import io.sparkube.e2e.aws.WebIdentityRoles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A job's AWS identity on the local cluster, end to end: {@code sparkube submit --identity
 * aws-irsa:<role>} gives the driver and each executor a projected ServiceAccount token, which the
 * AWS SDK inside S3A exchanges at a test STS (verifying it against the cluster's JWKS and a trust
 * policy naming the job's ServiceAccount) for the credentials of an S3 store (s3proxy). Each role
 * reads one object with them (IdentityProbe); no role has any other way to get credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityE2ETest {
  private static final String RELEASE = "4.0.2";
  private static final String ROLE = "arn:aws:iam::111122223333:role/identity-probe";
  /** The ServiceAccount --identity makes for the role when none is named: spark-<role name>. */
  private static final String SUBJECT = "system:serviceaccount:default:spark-identity-probe";
  private static final String BUCKET = "identity-probe";
  private static final String KEY = "data/object.txt";
  private static final byte[] CONTENT = "read by the job's own identity\n".getBytes(StandardCharsets.UTF_8);
  private static final String DEPS_MOUNT = "/opt/sparkube-deps";
  private static final Pattern PROBE_LINE = Pattern.compile("^identity-probe (driver|executor \\S+) (.*)$",
      Pattern.MULTILINE);
  /** The variables the test itself gives both roles (region, STS endpoint, no instance metadata). */
  private static final Set<String> TEST_AWS_ENV = Set.of("AWS_REGION", "AWS_ENDPOINT_URL_STS",
      "AWS_EC2_METADATA_DISABLED");

  private Cli cli;
  private KubernetesClient client;
  private Path deps;
  private S3Proxy s3;
  private TestSts sts;

  @BeforeAll
  void up() throws Exception {
    cli = new Cli(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("sparkube-identity"));
    deps = IdentityDeps.prepare(Path.of("").toAbsolutePath());
    var build = cli.run("local", "image", "build", "--spark", RELEASE);
    assertThat(build.exitCode()).as(build.err()).isZero();
    var up = cli.run("local", "up");
    assertThat(up.exitCode()).as(up.err()).isZero();
    client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, cli.kubeconfig().toFile())).build();

    s3 = S3Proxy.start(Path.of("target/s3proxy/s3proxy-jar-with-dependencies.jar").toAbsolutePath(), cli.home());
    s3.put(BUCKET, KEY, CONTENT);
    var roles = new WebIdentityRoles("https://kubernetes.default.svc", ClusterJwks.fetch(cli.kubeconfig()),
        Map.of(ROLE, SUBJECT), S3Proxy.KEY, Clock.systemUTC());
    sts = TestSts.start(roles);
  }

  @AfterAll
  void down() {
    if (sts != null) {
      sts.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (client != null) {
      client.close();
    }
    var down = cli.run("local", "down");
    assertThat(down.exitCode()).as(down.err()).isZero();
    cli.deleteHome();
  }

  @Test
  void theDriverAndEachExecutorReadWithTheJobsRole() throws Exception {
    var job = submit("identity-ok", "--identity", "aws-irsa:" + ROLE);

    assertThat(job.run().exitCode()).as(job.describe()).isZero();
    var read = "read " + CONTENT.length + " bytes sha256=" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(CONTENT));
    assertThat(job.lines()).as(job.describe()).hasSize(3).containsEntry("driver", "sub=" + SUBJECT + " " + read);
    assertThat(job.executorLines()).as(job.describe()).hasSize(2).allSatisfy((executor, line) ->
        assertThat(line).isEqualTo("sub=" + SUBJECT + " " + read));
    // The test STS saw each pod's own token: the driver's and both executors'.
    assertThat(job.podsAnswered(WebIdentityRoles.Granted.class)).as(job.describe()).hasSize(3)
        .contains(job.driver().getMetadata().getName());

    // What the cluster side shows for the same chain: doctor on the finished job, and the plan.
    var doctor = cli.run("doctor", "--job", "default:" + job.driver().getMetadata().getName());
    assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
    assertThat(doctor.out()).contains("PASS   ServiceAccount default/spark-identity-probe")
        .contains("PASS   driver pod " + job.driver().getMetadata().getName())
        .containsPattern("PASS +token audience and subject +aud=sts.amazonaws.com sub=" + SUBJECT);
    var plan = cli.run("identity", "plan", "--identity", "aws-irsa:" + ROLE);
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("\"kubernetes.default.svc:sub\": \"" + SUBJECT + "\"");
  }

  @Test
  void anotherServiceAccountIsDeniedOnTheDriverAndEachExecutor() {
    var job = submit("identity-denied", "--identity", "aws-irsa:" + ROLE,
        "--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=someone-else");

    assertThat(job.run().exitCode()).as(job.describe()).isNotZero();
    assertThat(job.lines()).as(job.describe()).hasSize(3).containsKey("driver");
    assertThat(job.executorLines()).as(job.describe()).hasSize(2);
    assertThat(job.lines().values()).as(job.describe()).allSatisfy(line -> assertThat(line)
        .startsWith("sub=system:serviceaccount:default:someone-else FAILED: ")
        .contains("Not authorized to perform sts:AssumeRoleWithWebIdentity")
        .contains("[AccessDenied]"));
    assertThat(job.podsAnswered(WebIdentityRoles.Refused.class)).as(job.describe()).hasSize(3)
        .contains(job.driver().getMetadata().getName());
    assertThat(job.podsAnswered(WebIdentityRoles.Granted.class)).as(job.describe()).isEmpty();
  }

  @Test
  void withoutAnIdentityNoRoleHasAToken() {
    var job = submit("identity-none", "--identity", "none");

    assertThat(job.run().exitCode()).as(job.describe()).isNotZero();
    assertThat(job.lines()).as(job.describe()).hasSize(3).containsKey("driver");
    assertThat(job.executorLines()).as(job.describe()).hasSize(2);
    assertThat(job.lines().values()).as(job.describe()).allSatisfy(line -> assertThat(line)
        .startsWith("token=none FAILED: ").contains("No AWS Credentials provided"));
    var spec = job.driver().getSpec();
    assertThat(spec.getVolumes()).extracting(Volume::getName).doesNotContain("aws-iam-token");
    assertThat(spec.getContainers().get(0).getEnv()).extracting(EnvVar::getName)
        .filteredOn(name -> name.startsWith("AWS_")).allMatch(TEST_AWS_ENV::contains);
    assertThat(job.attempts()).as(job.describe()).isEmpty();
  }

  /** A finished probe job: how submit ended, its driver, the driver's log and what the test STS was asked meanwhile. */
  private record Job(Cli.Run run, Pod driver, String log, List<WebIdentityRoles.Attempt> attempts) {
    /** The probe's lines, by role ("driver", "executor 1", ...): what follows the role. */
    Map<String, String> lines() {
      var lines = new TreeMap<String, String>();
      var line = PROBE_LINE.matcher(log);
      while (line.find()) {
        lines.put(line.group(1), line.group(2));
      }
      return lines;
    }

    Map<String, String> executorLines() {
      var executors = new TreeMap<>(lines());
      executors.remove("driver");
      return executors;
    }

    /** The pods whose tokens the test STS answered with {@code outcome}. */
    Set<String> podsAnswered(Class<? extends WebIdentityRoles.Outcome> outcome) {
      return attempts.stream().filter(a -> outcome.isInstance(a.outcome()))
          .map(WebIdentityRoles.Attempt::pod).collect(Collectors.toSet());
    }

    String describe() {
      return run.err() + "\n--- driver log ---\n" + log + "\n--- STS calls ---\n" + attempts;
    }
  }

  /**
   * IdentityProbe on the object, with S3A and the SDK mounted from {@link IdentityDeps} into
   * both roles (hostPath volumes, extra class path), pointed at the test's store and STS.
   */
  private Job submit(String name, String... identityFlags) {
    var flags = new ArrayList<>(List.of(identityFlags));
    for (var role : List.of("driver", "executor")) {
      var volume = "spark.kubernetes." + role + ".volumes.hostPath.deps.";
      conf(flags, volume + "mount.path", DEPS_MOUNT);
      conf(flags, volume + "mount.readOnly", "true");
      conf(flags, volume + "options.path", deps.toString());
      conf(flags, "spark." + role + ".extraClassPath", DEPS_MOUNT + "/*");
    }
    conf(flags, "spark.hadoop.fs.s3a.endpoint", s3.endpoint().toString());
    conf(flags, "spark.hadoop.fs.s3a.endpoint.region", S3Proxy.REGION);
    conf(flags, "spark.hadoop.fs.s3a.path.style.access", "true");
    conf(flags, "spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
    var env = Map.of("AWS_REGION", S3Proxy.REGION, "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
        "AWS_EC2_METADATA_DISABLED", "true");
    env.forEach((variable, value) -> {
      conf(flags, "spark.kubernetes.driverEnv." + variable, value);
      conf(flags, "spark.executorEnv." + variable, value);
    });
    int before = sts.roles().attempts().size();
    var run = cli.run(Jobs.submit(RELEASE, name, "io.sparkube.examples.IdentityProbe", flags,
        "s3a://" + BUCKET + "/" + KEY, "2").toArray(String[]::new));
    var attempts = sts.roles().attempts();
    var driver = driverOf(name).orElseThrow(() -> new AssertionError("no driver pod for " + name + ": " + run.err()));
    var job = new Job(run, driver, driverLog(driver), attempts.subList(before, attempts.size()));
    // What each role found, in the build's output: the evidence when a case fails in CI.
    job.lines().forEach((role, line) -> System.out.println(name + ": identity-probe " + role + " " + line));
    return job;
  }

  private static void conf(List<String> flags, String key, String value) {
    flags.add("--conf");
    flags.add(key + "=" + value);
  }

  private Optional<Pod> driverOf(String submittedName) {
    return client.pods().withLabel("spark-role", "driver").list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(submittedName + "-")).findFirst();
  }

  private String driverLog(Pod driver) {
    var logs = cli.run("logs", "default:" + driver.getMetadata().getName());
    assertThat(logs.exitCode()).as(logs.err()).isZero();
    return logs.out();
  }
}
