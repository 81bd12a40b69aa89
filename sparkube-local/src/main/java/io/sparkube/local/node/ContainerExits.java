package io.sparkube.local.node;

import io.sparkube.local.PodLogLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a container's process ends: its memory cgroup read for an OOM kill and removed,
 * the exit file for log followers, the terminated state, and a restart with backoff when the pod's
 * restartPolicy asks for one.
 */
final class ContainerExits {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerExits.class);
  /** How often, 100ms apart, to retry removing a cgroup a dying process still holds. */
  private static final int CGROUP_REMOVAL_ATTEMPTS = 50;

  private final Executor loop;
  private final PodLogLayout logs;
  private final ContainerLauncher launcher;
  private final PodWorker worker;

  ContainerExits(Executor loop, PodLogLayout logs, ContainerLauncher launcher, PodWorker worker) {
    this.loop = loop;
    this.logs = logs;
    this.launcher = launcher;
    this.worker = worker;
  }

  void watch(PodRun run, ContainerRun container) {
    var process = container.process;
    process.exit().thenAccept(code -> loop.execute(() -> exited(run, container, process, code)));
  }

  private void exited(PodRun run, ContainerRun container, ContainerProcess process, int exitCode) {
    if (container.process != process) {
      return;
    }
    var oomKilled = process.memoryCgroup().map(c -> c.oomKilled(exitCode)).orElse(false);
    releaseCgroup(run, container, process, 1);
    container.exited(exitCode, oomKilled);
    writeExitFile(run, container, exitCode);
    if (worker.isActive(run) && restarts(run.pod.getSpec().getRestartPolicy(), exitCode)) {
      var delay = worker.settingsRestartDelay(container.restartCount);
      container.waitingToRestart("back-off " + delay.toMillis() + "ms restarting failed container="
          + container.name() + " pod=" + run.name());
      container.pendingRestart = worker.schedule(delay, () -> restart(run, container));
    }
    worker.containerFinished(run);
  }

  private void releaseCgroup(PodRun run, ContainerRun container, ContainerProcess process, int attempt) {
    if (launcher.releaseCgroup(process)) {
      return;
    }
    if (attempt < CGROUP_REMOVAL_ATTEMPTS) {
      worker.schedule(Duration.ofMillis(100), () -> releaseCgroup(run, container, process, attempt + 1));
    } else {
      LOG.warn("The memory cgroup of {}/{} still holds processes; it goes when the node stops", run,
          container.name());
    }
  }

  private void restart(PodRun run, ContainerRun container) {
    container.pendingRestart = null;
    if (!worker.isActive(run)) {
      return;
    }
    container.restartCount++;
    try {
      Files.deleteIfExists(logs.exitFile(run.namespace(), run.name(), container.name()));
      container.started(launcher.launch(run, container.spec, run.images.get(container.name()), run.volumes));
      watch(run, container);
    } catch (ContainerConfigException | MissingReferenceException | UncheckedIOException | IOException e) {
      container.state = ContainerRun.waiting("RunContainerError", e.getMessage());
    }
    worker.writeStatus(run);
  }

  /** Kubernetes' rule: Always restarts any exit, OnFailure a non-zero one, Never none. */
  static boolean restarts(String restartPolicy, int exitCode) {
    return switch (restartPolicy == null ? "Always" : restartPolicy) {
      case "Never" -> false;
      case "OnFailure" -> exitCode != 0;
      default -> true;
    };
  }

  private void writeExitFile(PodRun run, ContainerRun container, int exitCode) {
    try {
      var file = logs.exitFile(run.namespace(), run.name(), container.name());
      Files.createDirectories(file.getParent());
      Files.writeString(file, Integer.toString(exitCode));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write exit file for " + run + "/" + container.name(), e);
    }
  }
}
