package io.sparkube.cli.jobs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.follow.StatusOperation;
import io.sparkube.submit.follow.SubmissionId;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sparkube status ID}: spark-submit --status. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the state of the driver pods a submission id matches.")
public final class StatusCommand extends JobCommand {
  @Parameters(paramLabel = "SUBMISSION_ID", description = "[namespace:]driver-pod-name, may end in *")
  String id;

  public StatusCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment) {
    super(out, err, environment);
  }

  @Override
  int run(KubernetesClient client) {
    new StatusOperation(client).status(SubmissionId.parse(id)).forEach(out::println);
    return 0;
  }
}
