package io.sparkube.cli.jobruns;

import static io.sparkube.cli.jobruns.TestingJobRunsApi.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.local.cluster.ClusterHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong is said in one line, the API's error type and message, with the exit code of its kind. */
class JobsFailuresTest extends AgainstJobRunsApi {
  @TempDir
  Path elsewhere;

  @Test
  void aValidationExceptionIsABadSetting() {
    var refused = JobsCli.run(home, "jobs", "start", "--execution-role-arn", ROLE, "--release-label",
        "emr-6.15.0-latest", JobsCommandsTest.PI_JAR);

    assertThat(refused.exitCode()).isEqualTo(76);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).startsWith("sparkube: ValidationException: unknown release label emr-6.15.0-latest;"
        + " supported: emr-7.<minor>.<patch>-latest").hasLineCount(1);
  }

  @Test
  void anUnknownRunIsNotFound() {
    var missing = JobsCli.run(home, "jobs", "describe", "nosuchrun");

    assertThat(missing.exitCode()).isEqualTo(78);
    assertThat(missing.err()).isEqualTo("sparkube: ResourceNotFoundException: Job run nosuchrun doesn't exist in"
        + " virtual cluster local.\n");
  }

  @Test
  void aWrongTokenIsUnauthorized() throws IOException {
    var wrong = Files.writeString(elsewhere.resolve("token"), "not-the-token-of-this-api\n");

    var refused = JobsCli.run(home, "jobs", "list", "--token-file", wrong.toString());

    assertThat(refused.exitCode()).isEqualTo(71);
    assertThat(refused.err()).isEqualTo("sparkube: UnrecognizedClientException: The security token included in the"
        + " request is invalid: the bearer token is not this server's\n");
  }

  @Test
  void anotherEndpointGetsNoLocalTokenUnlessGivenOne() throws IOException {
    // The same API under another name: the local cluster's token is for the local cluster's URI only.
    var endpoint = api.endpoint().replace("127.0.0.1", "localhost");

    var anonymous = JobsCli.run(elsewhere, "jobs", "list", "--endpoint", endpoint);
    var withToken = JobsCli.run(elsewhere, "jobs", "list", "--endpoint", endpoint + "/", "--token-file",
        ClusterHome.of(Map.of("SPARKUBE_HOME", home.toString())).jobRunsTokenFile().toString());

    assertThat(anonymous.exitCode()).isEqualTo(71);
    assertThat(anonymous.err()).startsWith("sparkube: MissingAuthenticationTokenException: ");
    assertThat(withToken.exitCode()).as(withToken.printed()).isZero();
    assertThat(withToken.out()).startsWith("ID ");
  }

  @Test
  void withoutTheLocalClusterOrAnEndpointItSaysWhatToDo() {
    var nowhere = JobsCli.run(elsewhere, "jobs", "list");

    assertThat(nowhere.exitCode()).isEqualTo(69);
    assertThat(nowhere.err()).isEqualTo("sparkube: no job-runs API to talk to: the local cluster is not running;"
        + " start it with sparkube local up, or pass --endpoint URL\n");
  }

  @Test
  void aLocalClusterThatIsGoneIsUnreachable() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var local = ClusterHome.of(Map.of("SPARKUBE_HOME", elsewhere.toString()));
    Files.createDirectories(local.controlPlaneDir());
    Files.writeString(local.jobRunsUriFile(), "http://127.0.0.1:" + closedPort + "\n");
    Files.writeString(local.jobRunsTokenFile(), "some-token\n");

    var refused = JobsCli.run(elsewhere, "jobs", "describe", "abc");

    assertThat(refused.exitCode()).isEqualTo(69);
    assertThat(refused.err()).isEqualTo("sparkube: cannot reach the job-runs API at http://127.0.0.1:" + closedPort
        + "; is the local cluster up (sparkube local status)?\n");
  }

  @Test
  void flagsAreCheckedBeforeTheApiIsAsked() {
    var noRole = JobsCli.run(elsewhere, "jobs", "start", JobsCommandsTest.PI_JAR);
    var badEndpoint = JobsCli.run(elsewhere, "jobs", "list", "--endpoint", "127.0.0.1:8443");
    var badOutput = JobsCli.run(home, "jobs", "list", "-o", "yaml");

    assertThat(noRole.exitCode()).isEqualTo(64);
    assertThat(noRole.err()).startsWith("sparkube: jobs start needs --execution-role-arn ARN").hasLineCount(1);
    assertThat(badEndpoint.exitCode()).isEqualTo(76);
    assertThat(badEndpoint.err()).isEqualTo("sparkube: --endpoint 127.0.0.1:8443 is not an http:// or https:// URL;"
        + " e.g. --endpoint http://127.0.0.1:8443\n");
    assertThat(badOutput.exitCode()).isEqualTo(64);
    assertThat(badOutput.err()).contains("expected one of [TEXT, JSON] (case-insensitive) but was 'yaml'");
  }
}
