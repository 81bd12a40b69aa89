package io.sparkube.local.node;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One running container: a bwrap process whose tree is bwrap, bwrap's init inside the new PID
 * namespace, then the container's own process. bwrap does not forward signals, so SIGTERM goes
 * straight to the container's process, as a container runtime sends it to the container's PID 1.
 * With a memory cgroup, bwrap is started by a shell that enters the group and execs it, so the
 * tree keeps that shape.
 */
final class ContainerProcess {
  private final Process process;
  private final Instant startedAt;
  private final Optional<ContainerCgroup> memoryCgroup;

  private ContainerProcess(Process process, Instant startedAt, Optional<ContainerCgroup> memoryCgroup) {
    this.process = process;
    this.startedAt = startedAt;
    this.memoryCgroup = memoryCgroup;
  }

  /** Starts the command with stdout and stderr appended to the log, stdin empty, in the cgroup if any. */
  static ContainerProcess start(List<String> commandLine, Path logFile, Optional<ContainerCgroup> memoryCgroup) {
    try {
      Files.createDirectories(logFile.getParent());
      var process = new ProcessBuilder(memoryCgroup.map(c -> c.enter(commandLine)).orElse(commandLine))
          .redirectInput(new File("/dev/null"))
          .redirectOutput(Redirect.appendTo(logFile.toFile()))
          .redirectErrorStream(true)
          .start();
      return new ContainerProcess(process, Instant.now(), memoryCgroup);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + commandLine.get(0), e);
    }
  }

  Optional<ContainerCgroup> memoryCgroup() {
    return memoryCgroup;
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
