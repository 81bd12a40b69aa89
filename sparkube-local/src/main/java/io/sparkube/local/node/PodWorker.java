package io.sparkube.local.node;

import io.sparkube.local.FileTrees;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.local.PodLogLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Drives each pod through its lifecycle in response to events: the pod seen or changed, a
 * referenced object appearing, a container exiting, a timer firing. Every method runs on the
 * node's single event thread, so pod runs need no locking.
 */
final class PodWorker {
  private final Map<String, PodRun> runs = new HashMap<>();
  /** Uids of pods already finished here: a late event for one must not start it again. */
  private final Set<String> finished = new HashSet<>();
  private final ScheduledExecutorService loop;
  private final NodeSettings settings;
  private final PodStarter starter;
  private final PodApi api;
  private final PodIpPool ips;
  private final HostsFiles hosts;
  private final PodLogLayout logs;
  private final Path podsDir;
  private final Function<Pod, Pod> currentPod;
  private final ContainerExits exits;
  /** Set when the node shuts down: nothing starts or restarts after that. */
  private boolean stopping;

  PodWorker(ScheduledExecutorService loop, NodeSettings settings, PodStarter starter, PodApi api, PodIpPool ips,
      HostsFiles hosts, PodLogLayout logs, ContainerLauncher launcher, Path podsDir, Function<Pod, Pod> currentPod) {
    this.loop = loop;
    this.settings = settings;
    this.starter = starter;
    this.api = api;
    this.ips = ips;
    this.hosts = hosts;
    this.logs = logs;
    this.podsDir = podsDir;
    this.currentPod = currentPod;
    this.exits = new ContainerExits(loop, logs, launcher, this);
  }

  /** The pod was added or changed. */
  void observe(Pod pod) {
    var nodeName = pod.getSpec().getNodeName();
    if (nodeName != null && !nodeName.equals(settings.nodeName()) || finished.contains(pod.getMetadata().getUid())) {
      return;
    }
    var run = runs.computeIfAbsent(pod.getMetadata().getUid(), uid -> new PodRun(pod, podsDir.resolve(uid)));
    run.pod = pod;
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      var grace = pod.getMetadata().getDeletionGracePeriodSeconds();
      terminate(run, grace != null ? grace : defaultGrace(pod));
    } else if (run.state() == PodState.PENDING) {
      advance(run);
    }
  }

  /** The pod object is gone from the API server without the node having finished it. */
  void gone(Pod pod) {
    var run = runs.get(pod.getMetadata().getUid());
    if (run != null) {
      terminate(run, defaultGrace(run.pod));
    }
  }

  /** A ConfigMap or Secret appeared or changed: pending pods may now have all they need. */
  void retryWaiting() {
    runs.values().stream().filter(r -> r.state() == PodState.PENDING).toList().forEach(this::advance);
  }

  void refreshHosts() {
    hosts.refresh(runs.values());
  }

  private void advance(PodRun run) {
    if (stopping) {
      return;
    }
    api.bind(run);
    var outcome = starter.tryStart(run, runs.values());
    if (outcome == PodStarter.Outcome.STARTED) {
      run.containers.values().forEach(c -> exits.watch(run, c));
      run.lastWaiting = null;
      api.writeStatus(run);
      refreshHosts();
      return;
    }
    if (outcome == PodStarter.Outcome.RETRY_LATER && run.retryTimer == null) {
      run.retryTimer = schedule(settings.restartBackoffBase(), () -> {
        run.retryTimer = null;
        if (run.state() == PodState.PENDING) {
          advance(run);
        }
      });
    }
    var waiting = run.containers.values().stream().map(c -> String.valueOf(c.state)).toList().toString();
    if (!waiting.equals(run.lastWaiting)) {
      run.lastWaiting = waiting;
      api.writeStatus(run);
    }
  }

  /** Called by {@link ContainerExits} once a container's exit is recorded and no restart follows. */
  void containerFinished(PodRun run) {
    if (run.state() == PodState.TERMINATING) {
      if (!run.hasLiveProcesses()) {
        finish(run);
      }
      return;
    }
    if (run.allTerminated()) {
      run.moveTo(run.allSucceeded() ? PodState.SUCCEEDED : PodState.FAILED);
      releaseIp(run);
      refreshHosts();
    }
    api.writeStatus(run);
  }

  void writeStatus(PodRun run) {
    api.writeStatus(run);
  }

  boolean isActive(PodRun run) {
    return !stopping && runs.get(run.pod.getMetadata().getUid()) == run && run.state() == PodState.RUNNING;
  }

  /** SIGTERM now, SIGKILL when the grace period ends, finish once every process is gone. */
  private void terminate(PodRun run, long graceSeconds) {
    if (run.state() == PodState.TERMINATING) {
      return;
    }
    run.moveTo(PodState.TERMINATING);
    cancel(run);
    if (!run.hasLiveProcesses()) {
      finish(run);
      return;
    }
    run.containers.values().stream().filter(c -> c.process != null).forEach(c -> c.process.terminate());
    run.killTimer = schedule(Duration.ofSeconds(graceSeconds), () -> killAll(run));
  }

  private void killAll(PodRun run) {
    run.containers.values().stream().filter(c -> c.process != null).forEach(c -> c.process.kill());
  }

  private void finish(PodRun run) {
    run.moveTo(PodState.FINISHED);
    cancel(run);
    releaseIp(run);
    runs.remove(run.pod.getMetadata().getUid());
    finished.add(run.pod.getMetadata().getUid());
    deleteTree(run.dir);
    deleteTree(logs.podDir(run.namespace(), run.name()));
    var current = currentPod.apply(run.pod);
    if (current != null && current.getMetadata().getUid().equals(run.pod.getMetadata().getUid())) {
      api.deleteNow(current);
    }
    refreshHosts();
  }

  /** Stops everything at once, for the node's shutdown; returns the processes to wait for. */
  List<ProcessHandle> killEverything() {
    stopping = true;
    var handles = runs.values().stream().flatMap(r -> r.containers.values().stream())
        .filter(c -> c.process != null).map(c -> c.process.handleTree()).flatMap(List::stream).toList();
    runs.values().forEach(run -> {
      cancel(run);
      killAll(run);
    });
    return handles;
  }

  private void releaseIp(PodRun run) {
    if (run.ip != null && !run.ipReleased) {
      ips.release(run.ip);
      run.ipReleased = true;
    }
  }

  private static void cancel(PodRun run) {
    if (run.killTimer != null) {
      run.killTimer.cancel(false);
    }
    if (run.retryTimer != null) {
      run.retryTimer.cancel(false);
      run.retryTimer = null;
    }
    run.containers.values().stream().filter(c -> c.pendingRestart != null).forEach(c -> {
      c.pendingRestart.cancel(false);
      c.pendingRestart = null;
    });
  }

  ScheduledFuture<?> schedule(Duration delay, Runnable action) {
    return loop.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration settingsRestartDelay(int restartCount) {
    return settings.restartDelay(restartCount);
  }

  private static long defaultGrace(Pod pod) {
    var grace = pod.getSpec().getTerminationGracePeriodSeconds();
    return grace != null ? grace : 30;
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
