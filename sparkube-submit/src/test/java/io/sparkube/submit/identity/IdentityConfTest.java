package io.sparkube.submit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.RecordingReporter;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.TestRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityConfTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/etl";
  private final RecordingReporter reporter = new RecordingReporter();

  private AppliedIdentity apply(String identity, HadoopRelease hadoop, boolean inject, Map<String, String> conf) {
    var binding = IdentityBindings.of(IdentityParser.parse("--identity", identity), hadoop);
    return new IdentityConf(reporter).apply(TestRequests.javaApp(conf), binding, inject);
  }

  @Test
  void irsaGivesBothRolesTheAccountTheEnvAndTheToken() {
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), true, Map.of());
    var conf = applied.request().conf().asMap();

    assertThat(applied.serviceAccountName()).isEqualTo("spark-etl");
    assertThat(conf).containsEntry("spark.kubernetes.authenticate.driver.serviceAccountName", "spark-etl")
        .containsEntry("spark.kubernetes.authenticate.executor.serviceAccountName", "spark-etl")
        .containsEntry("spark.kubernetes.driverEnv.AWS_ROLE_ARN", ROLE)
        .containsEntry("spark.executorEnv.AWS_ROLE_ARN", ROLE)
        .containsEntry("spark.kubernetes.driverEnv.AWS_WEB_IDENTITY_TOKEN_FILE",
            "/var/run/secrets/eks.amazonaws.com/serviceaccount/token")
        .containsEntry("spark.executorEnv.AWS_WEB_IDENTITY_TOKEN_FILE",
            "/var/run/secrets/eks.amazonaws.com/serviceaccount/token")
        .containsEntry("spark.hadoop.fs.s3a.aws.credentials.provider",
            "software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider");
    assertThat(applied.serviceAccount()).hasValueSatisfying(sa -> assertThat(sa.getMetadata().getAnnotations())
        .containsEntry("eks.amazonaws.com/role-arn", ROLE));
    for (var template : new String[] {applied.request().templates().driver().orElseThrow(),
        applied.request().templates().executor().orElseThrow()}) {
      var pod = Serialization.unmarshal(template, Pod.class);
      var volume = pod.getSpec().getVolumes().get(0);
      assertThat(volume.getName()).isEqualTo("aws-iam-token");
      var token = volume.getProjected().getSources().get(0).getServiceAccountToken();
      assertThat(token.getAudience()).isEqualTo("sts.amazonaws.com");
      assertThat(token.getPath()).isEqualTo("token");
      assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts().get(0).getMountPath())
          .isEqualTo("/var/run/secrets/eks.amazonaws.com/serviceaccount");
    }
    assertThat(reporter.warnings).isEmpty();
  }

  @Test
  void theDriverPodCarriesTheTokenAndTheExecutorTemplateShipsIt() {
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), true, Map.of());
    var plan = new DriverPlanner(SparkLine.V4_0).plan(applied.request(), TestRequests.IDS);
    var spec = plan.driverPod().getSpec();

    assertThat(spec.getServiceAccountName()).isEqualTo("spark-etl");
    assertThat(spec.getVolumes()).anyMatch(v -> v.getName().equals("aws-iam-token"));
    assertThat(spec.getContainers().get(0).getVolumeMounts()).anyMatch(m -> m.getName().equals("aws-iam-token")
        && m.getReadOnly());
    assertThat(plan.resources()).anyMatch(o -> o.getMetadata().getName().endsWith("-driver-podspec-conf-map"));
    assertThat(plan.configMap().getData().get("spark.properties"))
        .contains("spark.kubernetes.executor.podTemplateFile=/opt/spark/pod-template/pod-spec-template.yml");
  }

  @Test
  void hadoop33GetsTheSdkV1ProviderClass() {
    var conf = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 3, 4), true, Map.of()).request().conf().asMap();
    assertThat(conf).containsEntry("spark.hadoop.fs.s3a.aws.credentials.provider",
        "com.amazonaws.auth.WebIdentityTokenCredentialsProvider");
  }

  @Test
  void withTheWebhookOnlyTheAccountLabelsAndStorageSettingsAreAdded() {
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), false, Map.of());
    assertThat(applied.request().templates().driver()).isEmpty();
    assertThat(applied.request().templates().executor()).isEmpty();
    assertThat(applied.request().conf().asMap()).doesNotContainKey("spark.kubernetes.driverEnv.AWS_ROLE_ARN")
        .containsKey("spark.hadoop.fs.s3a.aws.credentials.provider")
        .containsEntry("spark.kubernetes.authenticate.executor.serviceAccountName", "spark-etl");
  }

  @Test
  void azureLabelsBothRolesAndPointsAbfsAtTheToken() {
    var applied = apply("azure:aaaaaaaa-1111-2222-3333-444444444444@bbbbbbbb-1111-2222-3333-444444444444",
        new HadoopRelease(3, 4, 1), true, Map.of());
    assertThat(applied.request().conf().asMap())
        .containsEntry("spark.kubernetes.driver.label.azure.workload.identity/use", "true")
        .containsEntry("spark.kubernetes.executor.label.azure.workload.identity/use", "true")
        .containsEntry("spark.executorEnv.AZURE_TENANT_ID", "bbbbbbbb-1111-2222-3333-444444444444")
        .containsEntry("spark.executorEnv.AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token")
        .containsEntry("spark.hadoop.fs.azure.account.oauth.provider.type",
            "org.apache.hadoop.fs.azurebfs.oauth2.WorkloadIdentityTokenProvider")
        .containsEntry("spark.hadoop.fs.azure.account.oauth2.token.file",
            "/var/run/secrets/azure/tokens/azure-identity-token");
    assertThat(applied.serviceAccount().orElseThrow().getMetadata().getAnnotations())
        .containsEntry("azure.workload.identity/client-id", "aaaaaaaa-1111-2222-3333-444444444444");
  }

  @Test
  void azureWithoutTenantNeedsTheWebhook() {
    assertThatThrownBy(() -> apply("azure:aaaaaaaa-1111-2222-3333-444444444444", new HadoopRelease(3, 4, 1), true, Map.of()))
        .isInstanceOf(SparkubeException.class).hasMessageContaining("give azure:<client-id>@<tenant-id>");
    assertThat(apply("azure:aaaaaaaa-1111-2222-3333-444444444444", new HadoopRelease(3, 4, 1), false, Map.of())
        .request().conf().asMap()).doesNotContainKey("spark.hadoop.fs.azure.account.oauth2.msi.tenant");
  }

  @Test
  void azureOnHadoop33SaysAbfsCannotUseIt() {
    var applied = apply("azure:aaaaaaaa-1111-2222-3333-444444444444@bbbbbbbb-1111-2222-3333-444444444444",
        new HadoopRelease(3, 3, 4), true, Map.of());
    assertThat(applied.request().conf().asMap()).doesNotContainKey("spark.hadoop.fs.azure.account.oauth.provider.type");
    assertThat(reporter.warnings).anyMatch(w -> w.startsWith("ABFS in Hadoop 3.3.4 has no workload identity"));
  }

  @Test
  void aadPodIdentityLabelsBothRolesAndUsesMsi() {
    var applied = apply("azure-pod-identity:etl", new HadoopRelease(3, 3, 4), true, Map.of());
    assertThat(applied.request().templates().executor()).isEmpty();
    assertThat(reporter.warnings).singleElement().asString().contains("spark.hadoop.fs.azure.account.oauth2.msi.tenant");
    assertThat(applied.request().conf().asMap())
        .containsEntry("spark.kubernetes.driver.label.aadpodidbinding", "etl")
        .containsEntry("spark.kubernetes.executor.label.aadpodidbinding", "etl")
        .containsEntry("spark.hadoop.fs.azure.account.oauth.provider.type",
            "org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider");
  }

  @Test
  void gcpAnnotatesTheAccountOnly() {
    var applied = apply("gcp:etl-reader@my-project.iam.gserviceaccount.com", new HadoopRelease(3, 4, 1), true, Map.of());
    assertThat(applied.request().templates().driver()).isEmpty();
    assertThat(applied.serviceAccount().orElseThrow().getMetadata().getAnnotations())
        .containsEntry("iam.gke.io/gcp-service-account", "etl-reader@my-project.iam.gserviceaccount.com");
    assertThat(applied.request().conf().asMap()).containsEntry("spark.hadoop.fs.gs.auth.type", "COMPUTE_ENGINE");
  }

  @Test
  void explicitSettingsWinAndAreNamedWhenTheyDefeatTheIdentity() {
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), true, Map.of(
        "spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "spark.kubernetes.authenticate.executor.serviceAccountName", "other",
        "spark.hadoop.fs.s3a.bucket.logs.access.key", "AKIA"));
    var conf = applied.request().conf().asMap();

    assertThat(conf).containsEntry("spark.hadoop.fs.s3a.aws.credentials.provider",
            "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
        .containsEntry("spark.kubernetes.authenticate.executor.serviceAccountName", "other");
    assertThat(reporter.warnings).containsExactlyInAnyOrder(
        "spark.hadoop.fs.s3a.bucket.logs.access.key is set, so storage or SDK calls may use that credential instead of"
            + " aws-irsa:" + ROLE,
        "spark.kubernetes.authenticate.executor.serviceAccountName=other was set explicitly and is kept, so executors"
            + " may not use aws-irsa:" + ROLE + " (it would set spark-etl)",
        "spark.hadoop.fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider was set"
            + " explicitly and is kept, so storage connectors may not use aws-irsa:" + ROLE
            + " (it would set software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider)");
  }

  @Test
  void aNamedAccountIsTheIdentitysAccount() {
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), true,
        Map.of("spark.kubernetes.authenticate.driver.serviceAccountName", "etl-jobs"));
    assertThat(applied.serviceAccountName()).isEqualTo("etl-jobs");
    assertThat(applied.serviceAccount().orElseThrow().getMetadata().getName()).isEqualTo("etl-jobs");
    assertThat(applied.request().conf().asMap())
        .containsEntry("spark.kubernetes.authenticate.executor.serviceAccountName", "etl-jobs");
  }

  @Test
  void theUsersTemplatesKeepTheirContentAndTheMountGoesToTheSparkContainer(@TempDir Path dir) throws Exception {
    var template = dir.resolve("executor.yaml");
    Files.writeString(template, """
        apiVersion: v1
        kind: Pod
        metadata:
          labels: {team: data}
        spec:
          volumes: [{name: scratch, emptyDir: {}}]
          containers:
          - name: sidecar
            image: busybox
          - name: main
        """);
    var applied = apply("aws-irsa:" + ROLE, new HadoopRelease(3, 4, 1), true, Map.of(
        "spark.kubernetes.executor.podTemplateFile", template.toString(),
        "spark.kubernetes.executor.podTemplateContainerName", "main"));
    var pod = Serialization.unmarshal(applied.request().templates().executor().orElseThrow(), Pod.class);

    assertThat(pod.getMetadata().getLabels()).containsEntry("team", "data");
    assertThat(pod.getSpec().getVolumes()).extracting(v -> v.getName()).containsExactly("scratch", "aws-iam-token");
    assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts()).isEmpty();
    assertThat(pod.getSpec().getContainers().get(1).getVolumeMounts()).extracting(m -> m.getName())
        .containsExactly("aws-iam-token");
  }

  @Test
  void podIdentityOnHadoop34UsesTheContainerEndpointAndOn33SaysItCannot() {
    var applied = apply("aws-pod-identity:" + ROLE, new HadoopRelease(3, 4, 1), true, Map.of());
    assertThat(applied.request().conf().asMap())
        .containsEntry("spark.hadoop.fs.s3a.aws.credentials.provider",
            "org.apache.hadoop.fs.s3a.auth.IAMInstanceCredentialsProvider")
        .containsEntry("spark.executorEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token");
    assertThat(applied.serviceAccount().orElseThrow().getMetadata().getAnnotations())
        .doesNotContainKey("eks.amazonaws.com/role-arn");
    assertThat(reporter.warnings).isEmpty();

    apply("aws-pod-identity:" + ROLE, new HadoopRelease(3, 3, 4), true, Map.of());
    assertThat(reporter.warnings).singleElement().asString().contains("predates EKS Pod Identity");
  }

  @Test
  void noIdentityAddsNothing() {
    var request = TestRequests.javaApp(Map.of());
    var applied = new IdentityConf(reporter).apply(request,
        IdentityBindings.of(new Identity.None(), new HadoopRelease(3, 4, 1)), true);
    assertThat(applied.request()).isEqualTo(request);
    assertThat(applied.serviceAccount()).isEmpty();
    assertThat(applied.serviceAccountName()).isEqualTo("default");
  }

}
