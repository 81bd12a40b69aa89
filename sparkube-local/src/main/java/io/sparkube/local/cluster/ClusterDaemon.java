package io.sparkube.local.cluster;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts, stops and inspects the local cluster as a background process of its own, so it
 * outlives the command that started it. The pid file says which process it is; a pid file whose
 * process is gone is a crashed cluster, cleaned up before a new one starts.
 */
public final class ClusterDaemon {
  /** The API server's address: pods reach it as https://kubernetes.default.svc, i.e. port 443. */
  public static final InetSocketAddress API_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 443);

  private final ClusterHome home;
  private final Consumer<String> say;

  public ClusterDaemon(ClusterHome home, Consumer<String> say) {
    this.home = home;
    this.say = say;
  }

  /** Starts the cluster unless it runs already; returns once it serves requests. */
  public void up(List<String> javaCommand, Duration timeout) {
    if (running().isPresent()) {
      return;
    }
    cleanUpAfterCrash();
    requireFree(API_ADDRESS);
    try {
      // Keys, tokens and the kubeconfig live here: the cluster's user only.
      Files.createDirectories(home.dir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.setPosixFilePermissions(home.dir(), PosixFilePermissions.fromString("rwx------"));
      Files.deleteIfExists(home.readyFile());
      var command = new ArrayList<String>();
      // A session of its own, so a Ctrl-C meant for the starting command does not reach it.
      command.add("setsid");
      command.addAll(javaCommand);
      command.add(home.dir().toString());
      command.add(home.imagesDir().toString());
      var builder = new ProcessBuilder(command);
      // Inherited by the node's sandboxes, so their processes can be found after a crash.
      builder.environment().put(SandboxProcesses.MARKER, home.dir().toAbsolutePath().toString());
      var process = builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(home.logFile().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      Files.writeString(home.pidFile(), Long.toString(process.pid()));
      awaitReady(process.toHandle(), timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local cluster in " + home.dir(), e);
    }
  }

  /** Stops the cluster and everything it runs; a no-op when it is not running. */
  public boolean down(Duration timeout) {
    var process = running();
    process.ifPresent(p -> {
      stop(p, timeout);
      removeStateFiles();
    });
    cleanUpAfterCrash();
    return process.isPresent();
  }

  public Optional<ProcessHandle> running() {
    return pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
  }

  public boolean ready() {
    return running().isPresent() && Files.exists(home.readyFile());
  }

  /** What the running cluster says about itself (API URL, memory limits), or nothing yet. */
  public java.util.List<String> facts() {
    try {
      return ready() ? Files.readAllLines(home.readyFile()) : java.util.List.of();
    } catch (IOException e) {
      return java.util.List.of();
    }
  }

  private Optional<Long> pid() {
    try {
      return Files.exists(home.pidFile())
          ? Optional.of(Long.parseLong(Files.readString(home.pidFile()).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void stop(ProcessHandle process, Duration timeout) {
    process.destroy();
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      say.accept("the local cluster did not stop within " + timeout.toSeconds() + "s; killing it");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** A pid file without its process means the cluster crashed: remove what it left. */
  private void cleanUpAfterCrash() {
    var stalePid = pid().filter(p -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true));
    var leftovers = SandboxProcesses.of(home).list();
    if (stalePid.isPresent() || !leftovers.isEmpty()) {
      say.accept("found a stopped local cluster" + stalePid.map(p -> " (pid " + p + ")").orElse("")
          + (leftovers.isEmpty() ? "" : " and " + leftovers.size() + " of its container processes")
          + "; cleaning up");
    }
    leftovers.forEach(ProcessHandle::destroyForcibly);
    removeStateFiles();
  }

  private void removeStateFiles() {
    try {
      Files.deleteIfExists(home.pidFile());
      Files.deleteIfExists(home.readyFile());
      Files.deleteIfExists(home.stagingUriFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFree(InetSocketAddress address) {
    try (var socket = new ServerSocket()) {
      socket.bind(address);
    } catch (IOException e) {
      throw new SparkubeException(Failure.API_UNREACHABLE, "cannot serve the local cluster's API on "
          + address.getAddress().getHostAddress() + ":" + address.getPort() + " (" + e.getMessage()
          + "); stop the program using that port (see: ss -ltnp 'sport = :" + address.getPort() + "')");
    }
  }

  private void awaitReady(ProcessHandle process, Duration timeout) {
    var deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(home.readyFile())) {
        return;
      }
      if (!process.isAlive()) {
        throw new SparkubeException(Failure.INTERNAL, "the local cluster stopped while starting; see "
            + home.logFile());
      }
      try {
        // The cluster announces readiness with a file; a short pause between looks is enough.
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new SparkubeException(Failure.INTERNAL, "the local cluster did not start within "
        + timeout.toSeconds() + "s; see " + home.logFile());
  }
}
