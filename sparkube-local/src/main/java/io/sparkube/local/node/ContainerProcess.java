package io.sparkube.local.node;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One running container: a bwrap process whose tree is bwrap, bwrap's init inside the new PID
 * namespace, then the container's own process. bwrap does not forward signals, so SIGTERM goes
 * straight to the container's process, as a container runtime sends it to the container's PID 1.
 */
final class ContainerProcess {
  private final Process process;
  private final Instant startedAt;

  private ContainerProcess(Process process, Instant startedAt) {
    this.process = process;
    this.startedAt = startedAt;
  }

  /** Starts the command with stdout and stderr appended to the log, stdin empty. */
  static ContainerProcess start(List<String> commandLine, Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
      var process = new ProcessBuilder(commandLine)
          .redirectInput(new File("/dev/null"))
          .redirectOutput(Redirect.appendTo(logFile.toFile()))
          .redirectErrorStream(true)
          .start();
      return new ContainerProcess(process, Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + commandLine.get(0), e);
    }
  }

  Instant startedAt() {
    return startedAt;
  }

  long pid() {
    return process.pid();
  }

  /** Completes with the exit code once the sandbox is gone. */
  CompletableFuture<Integer> exit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM to the container's process (the grandchild); to bwrap itself if it has not forked yet. */
  void terminate() {
    var containerProcesses = process.toHandle().children()
        .flatMap(ProcessHandle::children).toList();
    if (containerProcesses.isEmpty()) {
      process.destroy();
    } else {
      containerProcesses.forEach(ProcessHandle::destroy);
    }
  }

  /** The sandbox's processes, to await after a kill. */
  List<ProcessHandle> handleTree() {
    var handles = new java.util.ArrayList<ProcessHandle>();
    handles.add(process.toHandle());
    process.toHandle().descendants().forEach(handles::add);
    return handles;
  }

  /** SIGKILL to every process of the sandbox, leaves first so none is re-parented and missed. */
  void kill() {
    var tree = process.toHandle().descendants().toList();
    for (int i = tree.size() - 1; i >= 0; i--) {
      tree.get(i).destroyForcibly();
    }
    process.destroyForcibly();
  }
}
