package io.sparkube.cli.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.controlplane.ControlPlane;
import io.sparkube.controlplane.config.ControlPlaneKeys;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.config.Conf;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed RBAC is enough, and no more is used: the real control plane, signed in as its
 * ServiceAccount, runs, cancels and expires jobs against the local cluster's API server, which
 * enforces RBAC and records every decision, and is never refused.
 */
class ControlPlaneAccessTest {
  private static final String INSTALL_NAMESPACE = "sparkube-system";
  private static final String JOBS = "team-a";
  private static final String ACCOUNT = "system:serviceaccount:sparkube-system:sparkube-control-plane";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;
  private LocalApiServer api;
  private KubernetesClient admin;

  @BeforeEach
  void start() {
    api = LocalApiServer.startCluster(dir.resolve("state"), "127.0.0.1", 0, new PodLogLayout(dir.resolve("logs")));
    admin = api.newClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(JOBS).endMetadata().build())
        .create();
  }

  @AfterEach
  void stop() {
    admin.close();
    api.close();
  }

  @ParameterizedTest(name = "--job-namespaces {0}")
  @ValueSource(strings = {"*", JOBS})
  void theControlPlaneRunsJobsAsItsServiceAccountWithoutBeingRefused(String jobNamespaces) throws Exception {
    install(jobNamespaces);

    try (var client = serviceAccountClient();
        var controlPlane = ControlPlane.start(client, settingsOfTheDeployment(), Clock.systemUTC())) {
      var calls = new JobRunsCalls(controlPlane.apiPort(), token());
      var cluster = calls.createVirtualCluster(JOBS);

      var cancelled = calls.startJobRun(cluster, "run-1", "arn:aws:iam::111122223333:role/pi");
      awaitState(calls, cluster, cancelled, "SUBMITTED");
      assertThat(admin.serviceAccounts().inNamespace(JOBS).list().getItems())
          .anySatisfy(account -> assertThat(account.getMetadata().getAnnotations())
              .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/pi"));
      assertThat(driverRoleNames()).singleElement().satisfies(name ->
          assertThat(admin.rbac().roleBindings().inNamespace(JOBS).withName(name).get()).isNotNull());
      assertTheControlPlaneHoldsWhatTheDriverRolesGrant();
      calls.cancelJobRun(cluster, cancelled);
      awaitState(calls, cluster, cancelled, "CANCELLED");

      // Deleting a virtual cluster with a live run: the operator cancels the run itself.
      var live = calls.startJobRun(cluster, "run-2", "arn:aws:iam::111122223333:role/pi");
      awaitState(calls, cluster, live, "SUBMITTED");
      calls.deleteVirtualCluster(cluster);
      await().atMost(PATIENCE).until(() -> calls.virtualClusterState(cluster).equals("TERMINATED"));
      awaitState(calls, cluster, live, "CANCELLED");

      runToItsEndAndExpire();
    }

    var decisions = AuditDecisions.read(api.auditLog(), ACCOUNT);
    assertThat(decisions.denied()).as("refused calls; allowed: %s", decisions.allowed()).isEmpty();
    assertThat(decisions.allowed()).contains("create core pods in " + JOBS, "patch rbac.authorization.k8s.io roles in "
        + JOBS, "patch rbac.authorization.k8s.io rolebindings in " + JOBS, "create core serviceaccounts in " + JOBS,
        "patch sparkube.io sparkapplications/status in " + JOBS, "delete sparkube.io sparkapplications in " + JOBS,
        "delete core pods in " + JOBS, "list admissionregistration.k8s.io mutatingwebhookconfigurations",
        "patch sparkube.io virtualclusters/status");
    // Listed namespaces: the operator watches only them, so even its watches are granted there.
    var scope = "*".equals(jobNamespaces) ? "" : " in " + JOBS;
    assertThat(decisions.allowed()).contains("watch sparkube.io sparkapplications" + scope, "watch core pods" + scope);
  }

  /** A run straight from a SparkApplication, with no identity (the namespace's default account) and no TTL to wait. */
  private void runToItsEndAndExpire() {
    var app = new SparkApplication();
    app.getMetadata().setName("expiring");
    app.getMetadata().setNamespace(JOBS);
    app.getSpec().setSparkVersion("4.0.2");
    app.getSpec().setImage("apache/spark:4.0.2");
    app.getSpec().setMainClass("org.apache.spark.examples.SparkPi");
    app.getSpec().setMainApplicationFile("local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar");
    app.getSpec().setTtlSecondsAfterFinished(0L);
    var runs = admin.resources(SparkApplication.class).inNamespace(JOBS);
    runs.resource(app).create();
    await().atMost(PATIENCE).until(() -> {
      var status = runs.withName("expiring").get().getStatus();
      return status != null && status.getState() == JobRunState.SUBMITTED;
    });
    // No node runs it: end the driver as a node would.
    admin.pods().inNamespace(JOBS).withName(runs.withName("expiring").get().getStatus().getDriverPod())
        .editStatus(pod -> {
          pod.getStatus().setPhase("Succeeded");
          return pod;
        });
    await().atMost(PATIENCE).until(() -> runs.withName("expiring").get() == null);
  }

  /**
   * Kubernetes refuses to write a Role granting what its writer does not hold; the local API
   * server does not check that, so ask it whether the control plane holds each grant.
   */
  private void assertTheControlPlaneHoldsWhatTheDriverRolesGrant() {
    for (var name : driverRoleNames()) {
      for (var rule : admin.rbac().roles().inNamespace(JOBS).withName(name).get().getRules()) {
        for (var resource : rule.getResources()) {
          for (var verb : rule.getVerbs()) {
            var parts = resource.split("/", 2);
            var review = admin.authorization().v1().subjectAccessReview().create(new SubjectAccessReviewBuilder()
                .withNewSpec().withUser(ACCOUNT).withNewResourceAttributes().withNamespace(JOBS)
                    .withGroup(rule.getApiGroups().get(0)).withResource(parts[0])
                    .withSubresource(parts.length > 1 ? parts[1] : null).withVerb(verb).endResourceAttributes()
                .endSpec().build());
            assertThat(review.getStatus().getAllowed()).as("%s %s in driver Role %s", verb, resource, name).isTrue();
          }
        }
      }
    }
  }

  private List<String> driverRoleNames() {
    return admin.rbac().roles().inNamespace(JOBS).list().getItems().stream().map(role -> role.getMetadata().getName())
        .filter(name -> !name.startsWith(ControlPlaneInstall.NAME)).toList();
  }

  private void install(String jobNamespaces) {
    var out = new StringWriter();
    var err = new StringWriter();
    var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false,
        new SubmitEnvironment(Map.of("HOME", dir.toString()), "tester", dir));
    int code = Sparkube.run(new String[] {"control-plane", "install", "--kubeconfig", api.kubeconfig().toString(),
        "--job-namespaces", jobNamespaces}, terminal);
    assertThat(code).as(err.toString()).isZero();
  }

  /** Signed in as the installed ServiceAccount, as the pod would be. */
  private KubernetesClient serviceAccountClient() {
    var token = api.tokenFor(INSTALL_NAMESPACE, ControlPlaneInstall.NAME, List.of(), Duration.ofHours(1));
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withMasterUrl(api.url())
        .withCaCertData(Base64.getEncoder().encodeToString(api.caPem().getBytes(StandardCharsets.UTF_8)))
        .withOauthToken(token).withNamespace(INSTALL_NAMESPACE).build()).build();
  }

  /** The Deployment's own settings, with addresses, ports and the token file moved to this machine. */
  private ControlPlaneSettings settingsOfTheDeployment() throws Exception {
    var deployment = admin.apps().deployments().inNamespace(INSTALL_NAMESPACE).withName(ControlPlaneInstall.NAME).get();
    var settings = ControlPlaneManifestsTest.settings(deployment.getSpec().getTemplate().getSpec().getContainers()
        .get(0).getArgs());
    settings.put(ControlPlaneKeys.MANAGEMENT_HOST.key(), "127.0.0.1");
    settings.put(ControlPlaneKeys.MANAGEMENT_PORT.key(), "0");
    settings.put(JobRunsKeys.HOST.key(), "127.0.0.1");
    settings.put(JobRunsKeys.PORT.key(), "0");
    settings.put(JobRunsKeys.TOKEN_FILE.key(), Files.writeString(dir.resolve("token"), token()).toString());
    return ControlPlaneSettings.read(Conf.of(settings));
  }

  /** The bearer token the install put in its Secret. */
  private String token() {
    var data = admin.secrets().inNamespace(INSTALL_NAMESPACE).withName(ControlPlaneInstall.NAME).get().getData();
    return new String(Base64.getDecoder().decode(data.get(ControlPlaneInstall.TOKEN_KEY)), StandardCharsets.UTF_8);
  }

  private static void awaitState(JobRunsCalls calls, String cluster, String run, String state) {
    await().atMost(PATIENCE).until(() -> calls.jobRunState(cluster, run).equals(state));
  }
}
