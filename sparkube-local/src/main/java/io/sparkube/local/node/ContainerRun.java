package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/** One container of a pod on this node: its process if any, and what its status says. */
final class ContainerRun {
  final Container spec;
  ContainerProcess process;
  int restartCount;
  ContainerState state;
  ContainerState lastState;
  ScheduledFuture<?> pendingRestart;

  ContainerRun(Container spec) {
    this.spec = spec;
    this.state = waiting("ContainerCreating", null);
  }

  String name() {
    return spec.getName();
  }

  boolean isRunning() {
    return process != null && state.getRunning() != null;
  }

  boolean isTerminated() {
    return state.getTerminated() != null;
  }

  void started(ContainerProcess started) {
    process = started;
    state = new ContainerStateBuilder().withNewRunning().withStartedAt(started.startedAt().toString())
        .endRunning().build();
  }

  /** {@code oomKilled}: the kernel killed a process of it for exceeding its memory limit. */
  void exited(int exitCode, boolean oomKilled) {
    var startedAt = process == null ? null : process.startedAt().toString();
    state = new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
        .withReason(oomKilled ? "OOMKilled" : exitCode == 0 ? "Completed" : "Error").withStartedAt(startedAt)
        .withFinishedAt(Instant.now().toString()).endTerminated().build();
    process = null;
  }

  /** Before a restart: the last run moves to lastState, as kubectl describe shows it. */
  void waitingToRestart(String message) {
    lastState = state;
    state = waiting("CrashLoopBackOff", message);
  }

  static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build();
  }
}
