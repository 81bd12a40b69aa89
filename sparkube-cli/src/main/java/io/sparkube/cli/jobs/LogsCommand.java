package io.sparkube.cli.jobs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.follow.LogsOperation;
import io.sparkube.submit.follow.SubmissionId;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparkube logs [-f] ID}: the driver's log. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the driver container's log.")
public final class LogsCommand extends JobCommand {
  @Parameters(paramLabel = "SUBMISSION_ID", description = "[namespace:]driver-pod-name")
  String id;

  @Option(names = {"-f", "--follow"}, description = "keep printing until the driver exits")
  boolean follow;

  public LogsCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment) {
    super(out, err, environment);
  }

  @Override
  int run(KubernetesClient client) {
    new LogsOperation(client).logs(SubmissionId.parse(id), follow, out);
    return 0;
  }
}
