package io.sparkube.submit.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.JobPlan;
import io.sparkube.submit.JobPlanner;
import io.sparkube.submit.RecordingReporter;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.driver.TestRequests;
import io.sparkube.submit.follow.TestClock;
import io.sparkube.submit.identity.HadoopRelease;
import io.sparkube.submit.identity.IdentityParser;
import io.sparkube.submit.identity.JobIdentitySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobCreatorTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/etl";
  private static final String NS = "jobs";
  private static final String ACCOUNT = "/api/v1/namespaces/jobs/serviceaccounts/spark-etl";

  private final ApiServer server = new ApiServer();
  private final KubernetesClient client = server.client();
  private final RecordingReporter reporter = new RecordingReporter();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void createsTheMissingAccountThenTheDriverWithItsRole() {
    var created = new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE));

    var account = client.serviceAccounts().inNamespace(NS).withName("spark-etl").get();
    assertThat(account.getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn", ROLE);
    assertThat(account.getMetadata().getOwnerReferences()).isEmpty();
    var podName = created.pod().getMetadata().getName();
    Role role = client.rbac().roles().inNamespace(NS).withName(podName).get();
    RoleBinding binding = client.rbac().roleBindings().inNamespace(NS).withName(podName).get();
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("ServiceAccount");
      assertThat(s.getName()).isEqualTo("spark-etl");
    });
    for (var owned : new io.fabric8.kubernetes.api.model.HasMetadata[] {role, binding}) {
      assertThat(owned.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(created.pod().getMetadata().getUid()));
    }
    assertThat(reporter.infos).contains("created ServiceAccount jobs/spark-etl for aws-irsa:" + ROLE);
  }

  @Test
  void reusesAMatchingAccount() {
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("spark-etl")
        .withAnnotations(Map.of("eks.amazonaws.com/role-arn", ROLE)).endMetadata().build()).create();

    new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE));

    assertThat(server.requests()).filteredOn(r -> r.contains("serviceaccounts")).containsExactly(
        "POST /api/v1/namespaces/jobs/serviceaccounts", "GET /api/v1/namespaces/jobs/serviceaccounts/spark-etl");
    assertThat(reporter.infos).noneMatch(i -> i.startsWith("created ServiceAccount"));
  }

  /** As when an operator submits two runs of one identity at once: the other one creates it first. */
  @Test
  void anAccountCreatedByAnotherJobInBetweenIsUsedNotAnError() {
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("spark-etl")
        .withAnnotations(Map.of("eks.amazonaws.com/role-arn", ROLE)).endMetadata().build()).create();
    server.fail("GET", "/api/v1/namespaces/jobs/serviceaccounts/spark-etl", 0, 404, "NotFound", "not found", null);

    var created = new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE));

    assertThat(created.pod()).isNotNull();
    assertThat(server.requests()).filteredOn(r -> r.contains("serviceaccounts")).containsExactly(
        "POST /api/v1/namespaces/jobs/serviceaccounts", "GET /api/v1/namespaces/jobs/serviceaccounts/spark-etl",
        "POST /api/v1/namespaces/jobs/serviceaccounts", "GET /api/v1/namespaces/jobs/serviceaccounts/spark-etl");
    assertThat(reporter.infos).noneMatch(i -> i.startsWith("created ServiceAccount"));
  }

  @Test
  void anAccountOfAnotherIdentityStopsTheJobBeforeAnythingIsCreated() {
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("spark-etl")
        .withAnnotations(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/other")).endMetadata()
        .build()).create();

    assertThatThrownBy(() -> new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE)))
        .isInstanceOf(SparkubeException.class)
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.IDENTITY_CONFLICT))
        .hasMessageContaining("exists with eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/other");
    assertThat(client.pods().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.rbac().roles().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void aFailedDriverTakesTheNewAccountAndTheRoleWithIt() {
    server.fail("POST", "/api/v1/namespaces/jobs/pods", 0, 403, "Forbidden", "pods is forbidden: exceeded quota: q", null);

    assertThatThrownBy(() -> new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE)))
        .isInstanceOf(SparkubeException.class);

    assertThat(client.serviceAccounts().inNamespace(NS).withName("spark-etl").get()).isNull();
    assertThat(client.rbac().roles().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.rbac().roleBindings().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void aFailedDriverLeavesAnAccountItDidNotCreate() {
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("spark-etl")
        .withAnnotations(Map.of("eks.amazonaws.com/role-arn", ROLE)).endMetadata().build()).create();
    server.fail("POST", "/api/v1/namespaces/jobs/pods", 0, 403, "Forbidden", "pods is forbidden: exceeded quota: q", null);

    assertThatThrownBy(() -> new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE)))
        .isInstanceOf(SparkubeException.class);

    assertThat(client.serviceAccounts().inNamespace(NS).withName("spark-etl").get()).isNotNull();
  }

  @Test
  void aVerifiedAccountIsTrustedForItsTimeThenReadAgain() {
    var clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    var creator = new JobCreator(client, reporter, new VerifiedServiceAccounts(clock, Duration.ofSeconds(60)));

    creator.create(plan("aws-irsa:" + ROLE, "run-1"));
    clock.advance(Duration.ofSeconds(59));
    creator.create(plan("aws-irsa:" + ROLE, "run-2"));
    assertThat(accountRequests()).containsExactly("GET " + ACCOUNT, "POST /api/v1/namespaces/jobs/serviceaccounts");

    clock.advance(Duration.ofSeconds(1));
    creator.create(plan("aws-irsa:" + ROLE, "run-3"));
    assertThat(accountRequests()).containsExactly("GET " + ACCOUNT, "POST /api/v1/namespaces/jobs/serviceaccounts",
        "GET " + ACCOUNT);
    assertThat(client.pods().inNamespace(NS).list().getItems()).hasSize(3);
  }

  /** An account deleted out of band costs the one attempt that fails with it; the next one reads it. */
  @Test
  void aFailedDriverMakesTheAccountBeReadAgain() {
    var clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    var creator = new JobCreator(client, reporter, new VerifiedServiceAccounts(clock, Duration.ofSeconds(60)));
    creator.create(plan("aws-irsa:" + ROLE, "run-1"));
    client.serviceAccounts().inNamespace(NS).withName("spark-etl").delete();
    server.fail("POST", "/api/v1/namespaces/jobs/pods", 0, 403, "Forbidden",
        "pods \"x\" is forbidden: error looking up service account jobs/spark-etl", null);

    assertThatThrownBy(() -> creator.create(plan("aws-irsa:" + ROLE, "run-2"))).isInstanceOf(SparkubeException.class);
    creator.create(plan("aws-irsa:" + ROLE, "run-3"));

    assertThat(accountRequests()).containsExactly("GET " + ACCOUNT, "POST /api/v1/namespaces/jobs/serviceaccounts",
        "DELETE " + ACCOUNT, "GET " + ACCOUNT, "POST /api/v1/namespaces/jobs/serviceaccounts");
    assertThat(client.serviceAccounts().inNamespace(NS).withName("spark-etl").get()).isNotNull();
  }

  /** Trust is for the account's wanted content: another identity wanting the same name is checked. */
  @Test
  void anotherIdentityWantingTheSameAccountIsStillRefused() {
    var clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    var creator = new JobCreator(client, reporter, new VerifiedServiceAccounts(clock, Duration.ofSeconds(60)));
    creator.create(plan("aws-irsa:" + ROLE, "run-1"));

    assertThatThrownBy(() -> creator.create(plan("aws-irsa:arn:aws:iam::444455556666:role/etl", "run-2")))
        .isInstanceOfSatisfying(SparkubeException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.IDENTITY_CONFLICT));
    assertThat(accountRequests()).containsExactly("GET " + ACCOUNT, "POST /api/v1/namespaces/jobs/serviceaccounts",
        "GET " + ACCOUNT);
  }

  /** A repeated submission whose account was deleted meanwhile: it is made again and kept for the driver. */
  @Test
  void anAccountMadeForAnAdoptedDriverIsKept() {
    var first = new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE));
    client.serviceAccounts().inNamespace(NS).withName("spark-etl").delete();

    var again = new JobCreator(client, reporter).create(plan("aws-irsa:" + ROLE));

    assertThat(again.adopted()).isTrue();
    assertThat(again.pod().getMetadata().getUid()).isEqualTo(first.pod().getMetadata().getUid());
    assertThat(client.serviceAccounts().inNamespace(NS).withName("spark-etl").get()).isNotNull();
    assertThat(client.pods().inNamespace(NS).list().getItems()).hasSize(1);
  }

  private java.util.List<String> accountRequests() {
    return server.requests().stream().filter(r -> r.contains("/serviceaccounts")).toList();
  }

  private JobPlan plan(String identity, String seed) {
    return plan(identity, SubmissionIds.derived(seed));
  }

  private JobPlan plan(String identity) {
    return plan(identity, TestRequests.IDS);
  }

  private JobPlan plan(String identity, SubmissionIds ids) {
    var settings = new JobIdentitySettings(Optional.of(IdentityParser.parse("--identity", identity)), "sparkube", true,
        new HadoopRelease(3, 4, 1));
    var request = TestRequests.javaApp(Map.of("spark.kubernetes.namespace", NS));
    return new JobPlanner(SparkLine.V4_0, "4.0.2", reporter).plan(request, ids, settings, true);
  }
}
