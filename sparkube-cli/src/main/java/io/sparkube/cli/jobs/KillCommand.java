package io.sparkube.cli.jobs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.follow.KillOperation;
import io.sparkube.submit.follow.SubmissionId;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sparkube kill ID}: spark-submit --kill. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Delete the driver pods a submission id matches; their executors follow.")
public final class KillCommand extends JobCommand {
  @Parameters(paramLabel = "SUBMISSION_ID", description = "[namespace:]driver-pod-name, may end in *")
  String id;

  public KillCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment) {
    super(out, err, environment);
  }

  @Override
  int run(KubernetesClient client) {
    new KillOperation(client, cluster.conf()).kill(SubmissionId.parse(id))
        .forEach(killed -> out.println("Deleted driver pod " + killed));
    return 0;
  }
}
