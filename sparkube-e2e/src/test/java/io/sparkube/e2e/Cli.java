package io.sparkube.e2e;

import io.sparkube.local.FileTrees;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.local.cluster.SandboxProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/sparkube} as a user would, in a home of its own: no kubeconfig, so submit
 * targets the local cluster, and a private SPARKUBE_HOME for images and cluster state.
 */
record Cli(Path repo, Path home) {

  record Run(int exitCode, String out, String err) {}

  Path sparkubeHome() {
    return home.resolve(".sparkube");
  }

  Path kubeconfig() {
    return sparkubeHome().resolve("local").resolve("kubeconfig");
  }

  /** Images take a few hundred MB each; a test's home goes once its cluster is down. */
  void deleteHome() {
    try {
      FileTrees.delete(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live processes of this home's local cluster. */
  List<Long> clusterProcesses() {
    var cluster = ClusterHome.of(Map.of("SPARKUBE_HOME", sparkubeHome().toString()));
    return SandboxProcesses.of(cluster).list().stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
  }

  Map<String, String> environment() {
    return Map.of("HOME", home.toString(), "SPARKUBE_HOME", sparkubeHome().toString(),
        "PATH", System.getenv("PATH"));
  }

  Run run(String... args) {
    var command = new ArrayList<String>();
    command.add(repo.resolve("bin/sparkube").toString());
    command.addAll(List.of(args));
    return exec(command, environment());
  }

  static Run exec(List<String> command, Map<String, String> env) {
    try {
      var out = Files.createTempFile("sparkube-out", ".txt");
      var err = Files.createTempFile("sparkube-err", ".txt");
      var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      var process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      var run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
