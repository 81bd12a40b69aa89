package io.sparkube.cli.jobs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.follow.ListOperation;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparkube list}: submissions (driver pods) with their app, phase and age. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List submissions: driver pods, their app name, phase and age.")
public final class ListCommand extends JobCommand {
  @Option(names = {"-A", "--all-namespaces"}, description = "list in every namespace")
  boolean allNamespaces;

  private final Clock clock;

  public ListCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment) {
    this(out, err, environment, Clock.systemUTC());
  }

  public ListCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment, Clock clock) {
    super(out, err, environment);
    this.clock = clock;
  }

  @Override
  int run(KubernetesClient client) {
    var namespace = allNamespaces ? Optional.<String>empty() : Optional.of(client.getNamespace());
    ListOperation.format(new ListOperation(client, clock).list(namespace)).forEach(out::println);
    return 0;
  }
}
