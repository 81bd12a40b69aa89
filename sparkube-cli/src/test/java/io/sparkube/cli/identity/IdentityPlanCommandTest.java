package io.sparkube.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.error.Failure;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube identity plan, run as a user runs it, against the in-process API server. */
class IdentityPlanCommandTest {
  private static final String IRSA = "aws-irsa:arn:aws:iam::111122223333:role/etl";
  private static final String EKS_ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  @TempDir
  Path home;

  @TempDir
  Path clusterState;

  private record Run(int exitCode, String out, String err) {}

  /** Runs with an environment that has no kubeconfig, so nothing of the machine leaks in. */
  private Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var env = new SubmitEnvironment(Map.of("HOME", home.toString()), "tester", home);
    int code = Sparkube.run(args, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false, env));
    return new Run(code, out.toString(), err.toString());
  }

  /** The text of the section under {@code ### title}, up to the next section. */
  private static String section(String text, String title) {
    var start = text.indexOf("### " + title + "\n");
    assertThat(start).as(text).isNotNegative();
    var body = text.substring(start + title.length() + 5);
    var end = body.indexOf("\n\n### ");
    return end < 0 ? body : body.substring(0, end + 1);
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void readsTheIssuerFromTheLocalCluster() throws Exception {
    try (var api = LocalApiServer.startCluster(clusterState, "127.0.0.1", 0, null)) {
      var run = run("identity", "plan", "--identity", IRSA, "-n", "jobs", "--kubeconfig", api.kubeconfig().toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      var policy = json(section(run.out(), "IAM trust policy (trust-policy.json)"));
      var statement = policy.at("/Statement/0");
      assertThat(statement.at("/Principal/Federated").asText())
          .isEqualTo("arn:aws:iam::111122223333:oidc-provider/kubernetes.default.svc");
      assertThat(statement.at("/Condition/StringEquals").get("kubernetes.default.svc:sub").asText())
          .isEqualTo("system:serviceaccount:jobs:spark-etl");
      assertThat(section(run.out(), "AWS CLI")).contains("--url " + api.issuer() + " \\\n");
      // The local cluster's issuer is a name only pods resolve: AWS could not verify its tokens.
      assertThat(run.err()).startsWith("sparkube: warning: the issuer https://kubernetes.default.svc is not reachable");
    }
  }

  @Test
  void fallsBackToTheLocalClustersKubeconfig() throws Exception {
    try (var api = LocalApiServer.startCluster(clusterState, "127.0.0.1", 0, null)) {
      var local = ClusterHome.of(Map.of("HOME", home.toString())).kubeconfig();
      Files.createDirectories(local.getParent());
      Files.copy(api.kubeconfig(), local);

      var run = run("identity", "plan", "--identity", "azure:aaaaaaaa-1111-2222-3333-444444444444");

      assertThat(run.exitCode()).as(run.err()).isZero();
      var credential = json(section(run.out(), "Federated identity credential (credential.json)"));
      assertThat(credential.get("issuer").asText()).isEqualTo(api.issuer());
      assertThat(credential.get("subject").asText())
          .isEqualTo("system:serviceaccount:default:spark-aaaaaaaa-1111-2222-3333-444444444444");
    }
  }

  @Test
  void theIssuerFlagNeedsNoCluster() throws Exception {
    var run = run("identity", "plan", "--identity", IRSA, "--issuer", EKS_ISSUER, "--terraform");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("### ServiceAccount\nJobs with --identity " + IRSA
        + " run as ServiceAccount default/spark-etl");
    var hostPath = EKS_ISSUER.substring("https://".length());
    assertThat(json(section(run.out(), "IAM trust policy (trust-policy.json)")).at("/Statement/0/Condition/StringEquals")
        .get(hostPath + ":aud").asText()).isEqualTo("sts.amazonaws.com");
    assertThat(section(run.out(), "Terraform")).contains("resource \"aws_iam_role\" \"etl\"");
  }

  @Test
  void withNeitherIssuerNorClusterItSaysToPassTheIssuer() {
    var run = run("identity", "plan", "--identity", IRSA);

    assertThat(run.exitCode()).isEqualTo(Failure.UNKNOWN_MASTER.exitCode());
    assertThat(run.err()).startsWith("sparkube: cannot read the OIDC issuer from the cluster (no Kubernetes cluster is"
        + " configured;").contains("give it with --issuer <https-url>, e.g. from aws eks describe-cluster")
        .hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableClusterAlsoPointsAtTheIssuerFlag() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var run = run("identity", "plan", "--identity", "azure:aaaaaaaa-1111-2222-3333-444444444444",
        "--master", "k8s://http://127.0.0.1:" + port);

    assertThat(run.exitCode()).isEqualTo(Failure.API_UNREACHABLE.exitCode());
    assertThat(run.err()).contains("cannot reach the Kubernetes API server at http://127.0.0.1:" + port)
        .contains("give it with --issuer <https-url>, e.g. from az aks show").hasLineCount(1);
  }

  @Test
  void aServerWithoutAnIssuerPointsAtTheIssuerFlag() {
    try (var api = LocalApiServer.start()) {
      var run = run("identity", "plan", "--identity", IRSA, "--master", "k8s://" + api.url());

      assertThat(run.exitCode()).isEqualTo(Failure.API_ERROR.exitCode());
      assertThat(run.err()).contains("without an issuer").contains("--issuer").hasLineCount(1);
    }
  }

  @Test
  void badValuesFailWithOneLine() {
    var badIdentity = run("identity", "plan", "--identity", "aws-irsa:etl");
    assertThat(badIdentity.exitCode()).isEqualTo(Failure.INVALID_CONFIG.exitCode());
    assertThat(badIdentity.err()).isEqualTo("sparkube: --identity aws-irsa:etl: not an IAM role ARN; expected"
        + " aws-irsa:arn:aws:iam::<12-digit account>:role/[<path>/]<role name>\n");

    var httpIssuer = run("identity", "plan", "--identity", IRSA, "--issuer", "http://oidc.example.com");
    assertThat(httpIssuer.exitCode()).isEqualTo(Failure.INVALID_CONFIG.exitCode());
    assertThat(httpIssuer.err()).startsWith("sparkube: --issuer http://oidc.example.com: not an https URL")
        .hasLineCount(1);

    var badNamespace = run("identity", "plan", "--identity", IRSA, "-n", "Jobs", "--issuer", EKS_ISSUER);
    assertThat(badNamespace.exitCode()).isEqualTo(Failure.INVALID_NAME.exitCode());
  }

  @Test
  void gcpAndNoneNeedNoCluster() {
    var gcp = run("identity", "plan", "--identity", "gcp:etl-reader@my-project.iam.gserviceaccount.com", "-n", "jobs");
    assertThat(gcp.exitCode()).as(gcp.err()).isZero();
    assertThat(section(gcp.out(), "gcloud")).contains(
        "--member \"serviceAccount:my-project.svc.id.goog[jobs/spark-etl-reader]\"\n");

    var none = run("identity", "plan", "--identity", "none");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).contains("nothing to set up");
  }

  @Test
  void podIdentityUsesTheClusterNameAndTheServiceAccountFlag() {
    var run = run("identity", "plan", "--identity", "aws-pod-identity:arn:aws:iam::111122223333:role/etl",
        "--cluster-name", "prod", "--service-account", "etl-jobs");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(section(run.out(), "AWS CLI")).contains("aws eks create-pod-identity-association \\\n"
        + "    --cluster-name prod \\\n    --namespace default \\\n    --service-account etl-jobs \\\n");
    assertThat(section(run.out(), "ServiceAccount"))
        .contains("--conf spark.kubernetes.authenticate.driver.serviceAccountName=etl-jobs");
  }

  @Test
  void identityAloneAsksForASubcommand() {
    var run = run("identity");

    assertThat(run.exitCode()).isEqualTo(Failure.UNKNOWN_FLAG.exitCode());
    assertThat(run.err()).contains("plan").contains("sparkube: a subcommand is expected");
  }
}
