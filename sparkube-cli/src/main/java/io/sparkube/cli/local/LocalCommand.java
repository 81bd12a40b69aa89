package io.sparkube.cli.local;

import io.sparkube.cli.Terminal;
import io.sparkube.model.config.Conf;
import io.sparkube.staging.config.StagingKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparkube local up|down|status}: the local cluster, running in the background. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run Kubernetes on this machine: an API server and a node running pods in sandboxes.",
    subcommands = {LocalCommand.Up.class, LocalCommand.Down.class, LocalCommand.Status.class, LocalImageCommand.class})
public final class LocalCommand {


  /** Starts the cluster in the background and prints its kubeconfig. */
  @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the local cluster in the background.")
  static final class Up implements Callable<Integer> {
    @Option(names = "--staging-retention", paramLabel = "DURATION",
        description = "how long the staging server keeps files no job uses, e.g. 10m; default 1h")
    String stagingRetention;

    private final Terminal terminal;

    Up(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      var properties = stagingProperties();
      var daemon = LocalClusterProcess.daemon(terminal.environment(), terminal.err()::println);
      if (!properties.isEmpty() && daemon.running().isPresent()) {
        terminal.err().println("warning: the local cluster already runs; --staging-retention applies once it is"
            + " restarted (sparkube local down, then up)");
      }
      var kubeconfig = LocalClusterProcess.ensureRunning(terminal.environment(), terminal.err()::println, properties);
      terminal.out().println("the local cluster is up; kubeconfig: " + kubeconfig);
      terminal.out().println("use it with: export KUBECONFIG=" + kubeconfig);
      return 0;
    }

    /** Checked here, so a bad value is a one-line error rather than a cluster that fails to start. */
    private List<String> stagingProperties() {
      if (stagingRetention == null) {
        return List.of();
      }
      Conf.of(Map.of(StagingKeys.RETENTION_MS.key(), stagingRetention)).get(StagingKeys.RETENTION_MS);
      return List.of("-D" + StagingKeys.RETENTION_MS.key() + "=" + stagingRetention);
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local cluster and every pod it runs.")
  static final class Down implements Callable<Integer> {
    private final Terminal terminal;

    Down(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      var daemon = LocalClusterProcess.daemon(terminal.environment(), terminal.err()::println);
      boolean wasRunning = daemon.down(LocalClusterProcess.STOP_TIMEOUT);
      terminal.out().println(wasRunning ? "the local cluster is stopped" : "the local cluster was not running");
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the local cluster runs.")
  static final class Status implements Callable<Integer> {
    private final Terminal terminal;

    Status(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      var home = LocalClusterProcess.home(terminal.environment());
      var daemon = LocalClusterProcess.daemon(terminal.environment(), terminal.err()::println);
      var process = daemon.running();
      if (process.isEmpty()) {
        terminal.out().println("the local cluster is not running (start it with: sparkube local up)");
        return 3;
      }
      terminal.out().println("the local cluster is " + (daemon.ready() ? "up" : "starting") + " (pid "
          + process.get().pid() + "); kubeconfig: " + home.kubeconfig() + "; log: " + home.logFile());
      daemon.facts().stream().skip(1).forEach(terminal.out()::println);
      return 0;
    }
  }
}
