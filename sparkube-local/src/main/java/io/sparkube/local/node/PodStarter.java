package io.sparkube.local.node;

import io.sparkube.local.image.LocalImage;
import io.sparkube.local.image.LocalImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a pending pod as far towards Running as it can go: sandbox available, images known,
 * references present, then address, volumes, hosts file and processes. It observes first and only
 * then acts, so a pod that must wait leaves nothing behind.
 */
final class PodStarter {
  /** What became of an attempt. {@code retryLater}: try again after a backoff, not only on a change. */
  enum Outcome { STARTED, WAITING, RETRY_LATER }

  private final Optional<String> sandboxProblem;
  private final LocalImages images;
  private final EnvResolver env;
  private final PodVolumes volumes;
  private final ContainerLauncher launcher;
  private final PodIpPool ips;
  private final PodApi api;
  private final HostsFiles hosts;

  PodStarter(Optional<String> sandboxProblem, LocalImages images, EnvResolver env, PodVolumes volumes,
      ContainerLauncher launcher, PodIpPool ips, PodApi api, HostsFiles hosts) {
    this.sandboxProblem = sandboxProblem;
    this.images = images;
    this.env = env;
    this.volumes = volumes;
    this.launcher = launcher;
    this.ips = ips;
    this.api = api;
    this.hosts = hosts;
  }

  Outcome tryStart(PodRun run, Collection<PodRun> all) {
    if (sandboxProblem.isPresent()) {
      run.waitAll("RunContainerError", sandboxProblem.get());
      return Outcome.WAITING;
    }
    var resolved = new LinkedHashMap<String, LocalImage>();
    for (var container : run.containers.values()) {
      var image = images.resolve(container.spec.getImage());
      container.state = image.isPresent() ? ContainerRun.waiting("ContainerCreating", null)
          : ContainerRun.waiting("ImagePullBackOff", images.howToBuild(container.spec.getImage()));
      image.ifPresent(i -> resolved.put(container.name(), i));
    }
    if (resolved.size() < run.containers.size()) {
      return Outcome.RETRY_LATER;
    }
    try {
      volumes.checkReferences(run.pod);
      run.containers.values().forEach(c -> env.resolve(run.pod, c.spec, ""));
    } catch (MissingReferenceException e) {
      run.waitAll("ContainerCreating", e.getMessage());
      return Outcome.WAITING;
    } catch (ContainerConfigException e) {
      run.waitAll(e.reason(), e.getMessage());
      return Outcome.RETRY_LATER;
    }
    return create(run, resolved, all);
  }

  private Outcome create(PodRun run, Map<String, LocalImage> resolved, Collection<PodRun> all) {
    run.moveTo(PodState.CONTAINER_CREATING);
    run.ip = ips.allocate();
    run.ipReleased = false;
    // The address is in the status before any process starts: fieldRef status.podIP reads it.
    api.writeStatus(run);
    try {
      Files.createDirectories(run.dir);
      var prepared = volumes.prepare(run.pod, run.ip, run.dir);
      hosts.write(run, all);
      run.images = Map.copyOf(resolved);
      run.volumes = prepared;
      for (var container : run.containers.values()) {
        container.started(launcher.launch(run, container.spec, resolved.get(container.name()), prepared));
      }
      run.moveTo(PodState.RUNNING);
      return Outcome.STARTED;
    } catch (MissingReferenceException | ContainerConfigException | UncheckedIOException | IOException e) {
      run.containers.values().stream().filter(c -> c.process != null).forEach(c -> c.process.kill());
      run.containers.values().forEach(c -> c.process = null);
      ips.release(run.ip);
      run.ip = null;
      run.moveTo(PodState.PENDING);
      var reason = e instanceof ContainerConfigException config ? config.reason()
          : e instanceof MissingReferenceException ? "ContainerCreating" : "RunContainerError";
      run.waitAll(reason, e.getMessage());
      return e instanceof MissingReferenceException ? Outcome.WAITING : Outcome.RETRY_LATER;
    }
  }
}
