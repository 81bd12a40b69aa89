package io.sparkube.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.JobPlanner;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.access.DriverAccess;
import io.sparkube.submit.access.DriverRole;
import io.sparkube.submit.create.JobCreator;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.identity.JobIdentitySettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube doctor against a local API server that authorizes with RBAC and signs tokens. */
class DoctorCommandTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/etl";
  private static final String IRSA = "aws-irsa:" + ROLE;

  @TempDir
  Path state;

  private LocalApiServer api;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null);
    client = api.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  private int doctor(String... args) {
    var argv = new ArrayList<>(List.of("doctor", "--kubeconfig", api.kubeconfig().toString()));
    argv.addAll(List.of(args));
    var terminal = new Terminal(new PrintWriter(out), new PrintWriter(err), false,
        new SubmitEnvironment(Map.of(), "alice", state));
    return Sparkube.run(argv.toArray(String[]::new), terminal);
  }

  private String row(String check) {
    return out.toString().lines().filter(l -> l.length() > 7 && l.substring(7).startsWith(check)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + check + " in\n" + out));
  }

  @Test
  void aMissingAccountFailsWithTheCommandThatCreatesIt() {
    assertThat(doctor("--identity", IRSA)).isEqualTo(1);

    assertThat(row("ServiceAccount default/spark-etl")).startsWith("FAIL").contains("does not exist");
    assertThat(out.toString()).contains("fix: sparkube submit --identity " + IRSA + " creates it")
        .contains("1 check failed");
    assertThat(row("token audience and subject")).startsWith("SKIP");
  }

  @Test
  void aReadyIdentityPassesEveryCheck() {
    annotatedAccount(ROLE);

    assertThat(doctor("--identity", IRSA)).as(out.toString()).isZero();

    assertThat(row("ServiceAccount default/spark-etl")).startsWith("PASS")
        .contains("carries eks.amazonaws.com/role-arn=" + ROLE);
    assertThat(row("you may create the driver's Role")).startsWith("PASS");
    assertThat(row("driver has no access beyond Spark's needs")).startsWith("PASS");
    assertThat(row("OIDC issuer")).startsWith("PASS").contains("https://kubernetes.default.svc");
    assertThat(row("token audience and subject")).startsWith("PASS")
        .contains("aud=sts.amazonaws.com sub=system:serviceaccount:default:spark-etl");
    assertThat(out.toString()).contains("All checks passed.");
  }

  @Test
  void anAccountOfAnotherRoleFailsWithTheFix() {
    annotatedAccount("arn:aws:iam::111122223333:role/other");

    assertThat(doctor("--identity", IRSA)).isEqualTo(1);
    assertThat(row("ServiceAccount default/spark-etl")).startsWith("FAIL")
        .contains("exists with eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/other");
    assertThat(out.toString()).contains("fix: fix it with kubectl annotate serviceaccount -n default spark-etl");
  }

  @Test
  void withoutPerJobRolesTheAccountNeedsStandingAccess() {
    annotatedAccount(ROLE);

    assertThat(doctor("--identity", IRSA, "--no-rbac")).isEqualTo(1);
    assertThat(row("driver may get,list,watch,create,delete,deletecollection pods")).startsWith("FAIL")
        .contains("system:serviceaccount:default:spark-etl may not get,list,watch,create,delete,deletecollection pods");

    for (var object : DriverRole.objects("default", "spark-etl-driver", "spark-app", "spark-etl",
        DriverAccess.rules(SparkLine.V4_0, Conf.empty()))) {
      client.resource(object).create();
    }
    out.getBuffer().setLength(0);
    assertThat(doctor("--identity", IRSA, "--no-rbac")).as(out.toString()).isZero();
    assertThat(row("driver may get,list,watch,create,delete,deletecollection pods")).startsWith("PASS");
    assertThat(row("driver may create,deletecollection configmaps")).startsWith("PASS");
  }

  @Test
  void broadAccessIsAWarning() {
    annotatedAccount(ROLE);
    client.resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder().withNewMetadata()
        .withName("too-much").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole").withName("everything").endRoleRef().addNewSubject().withKind("ServiceAccount")
        .withName("spark-etl").withNamespace("default").endSubject().build()).create();
    client.resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder().withNewMetadata()
        .withName("everything").endMetadata().addNewRule().withApiGroups("*").withResources("*").withVerbs("*")
        .endRule().build()).create();

    assertThat(doctor("--identity", IRSA)).isZero();
    assertThat(row("driver has no access beyond Spark's needs")).startsWith("WARN").contains("get secrets")
        .contains("create pods/exec");
    assertThat(out.toString()).contains("All checks passed, 1 warning.");
  }

  @Test
  void aJobsPodsAreCheckedForTheIdentity() {
    var settings = JobIdentitySettings.read(Conf.of(Map.of("spark.sparkube.identity", IRSA,
        "spark.sparkube.identity.injection", "sparkube")), SparkLine.V4_0);
    var request = new SubmitRequest(Conf.of(Map.of("spark.master", "k8s://" + api.url(), "spark.app.name", "etl",
        "spark.kubernetes.container.image", "spark:4.0.2", "spark.sparkube.identity", IRSA)),
        new MainAppResource.JavaResource(Optional.of("local:///app.jar")), "Main", List.of(), Optional.empty(),
        new SubmitEnvironment(Map.of(), "alice", state));
    var plan = new JobPlanner(SparkLine.V4_0, "4.0.2", Reporter.SILENT)
        .plan(request, SubmissionIds.random(Clock.systemUTC()), settings, true);
    var driver = new JobCreator(client, Reporter.SILENT).create(plan).pod();
    // An executor made without the identity's template: no token, wrong account.
    client.pods().resource(new PodBuilder().withNewMetadata().withName("etl-exec-1").withNamespace("default")
        .addToLabels("spark-app-selector", plan.driver().appId()).addToLabels("spark-role", "executor").endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-executor").withImage("spark:4.0.2").endContainer()
        .endSpec().build()).create();

    assertThat(doctor("--job", "default:" + driver.getMetadata().getName())).isEqualTo(1);

    assertThat(row("driver pod " + driver.getMetadata().getName())).startsWith("PASS")
        .contains("token volume aws-iam-token at /var/run/secrets/eks.amazonaws.com/serviceaccount");
    assertThat(row("driver may get,list,watch,create,delete,deletecollection pods")).startsWith("PASS");
    assertThat(row("executor pod etl-exec-1")).startsWith("FAIL")
        .contains("runs as ServiceAccount default, not spark-etl")
        .contains("has no volume aws-iam-token projecting a token for sts.amazonaws.com")
        .contains("env AWS_ROLE_ARN is not set");
  }

  private void annotatedAccount(String role) {
    client.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("spark-etl").withAnnotations(Map.of("eks.amazonaws.com/role-arn", role)).endMetadata().build())
        .create();
  }
}
