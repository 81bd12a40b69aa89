package io.sparkube.cli.jobs;

import io.sparkube.cli.ExitCodes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.kube.ClusterConnector;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command about submitted jobs: connect, act, and turn a failure into its exit code and a
 * {@code sparkube: <message>} line on stderr, the one place that happens for these commands.
 */
abstract class JobCommand implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  final PrintWriter out;
  final PrintWriter err;
  private final SubmitEnvironment environment;

  JobCommand(PrintWriter out, PrintWriter err, SubmitEnvironment environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  @Override
  public final Integer call() {
    try (KubernetesClient client = ClusterConnector.connect(cluster.settings(environment))) {
      return run(client);
    } catch (RuntimeException e) {
      return ExitCodes.failed(err, e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  abstract int run(KubernetesClient client);
}
