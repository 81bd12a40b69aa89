package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.image.LocalImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet for this machine: watches pods on the API server and runs those bound to it (or not
 * bound yet, which it binds) as bubblewrap sandboxes. Informers feed one event thread; nothing polls.
 */
public final class LocalNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalNode.class);
  private final KubernetesClient client;
  private final LocalImages images;
  private final Path stateDir;
  private final PodLogLayout logs;
  private final NodeSettings settings;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    var thread = new Thread(r, "sparkube-node");
    thread.setDaemon(true);
    return thread;
  });
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private Optional<String> sandboxProblem = Optional.empty();
  private MemoryLimits memoryLimits = MemoryLimits.jvmCapOnly("the node has not started");
  private PodWorker worker;

  public LocalNode(KubernetesClient client, LocalImages images, Path stateDir, PodLogLayout logs,
      NodeSettings settings) {
    this.client = client;
    this.images = images;
    this.stateDir = stateDir;
    this.logs = logs;
    this.settings = settings;
  }

  /** Checks the sandbox, then starts watching; returns once the caches are in sync. */
  public LocalNode start() {
    sandboxProblem = BubblewrapProbe.problem(settings.bubblewrap());
    sandboxProblem.ifPresent(problem -> LOG.error("Pods cannot run on this node: {}", problem));
    memoryLimits = MemoryLimitsProbe.probe(settings.cgroupRoot());
    LOG.info("{} ({})", memoryLimits.description(), memoryLimits.details());
    var configMaps = client.configMaps().inAnyNamespace().runnableInformer(0);
    var secrets = client.secrets().inAnyNamespace().runnableInformer(0);
    var services = client.services().inAnyNamespace().runnableInformer(0);
    var pods = client.pods().inAnyNamespace().runnableInformer(0);
    ClusterObjects objects = new InformerObjects(configMaps, secrets);
    var env = new EnvResolver(objects);
    var volumes = new PodVolumes(objects, new ServiceAccountTokens(client));
    // Pods run as the cluster's own user, so they must not see its keys, tokens and kubeconfig
    // (in the state directory's parent, the cluster home) nor that user's home directory.
    var launcher = new ContainerLauncher(settings.bubblewrap(), env, logs, memoryLimits)
        .hiding(hiddenFromPods(stateDir));
    var api = new PodApi(client, settings.nodeName());
    var ips = new PodIpPool();
    var hosts = new HostsFiles(HostsFiles.machineHostname(), () -> services.getStore().list());
    var starter = new PodStarter(sandboxProblem, images, env, volumes, launcher, ips, api, hosts);
    worker = new PodWorker(loop, settings, starter, api, ips, hosts, logs, launcher, stateDir.resolve("pods"),
        pod -> pods.getStore().get(pod));
    configMaps.addEventHandler(onChange(o -> worker.retryWaiting(), false));
    secrets.addEventHandler(onChange(o -> worker.retryWaiting(), false));
    services.addEventHandler(onChange(o -> worker.refreshHosts(), true));
    pods.addEventHandler(new ResourceEventHandler<>() {
      public void onAdd(Pod pod) {
        loop.execute(() -> worker.observe(pod));
      }

      public void onUpdate(Pod old, Pod pod) {
        loop.execute(() -> worker.observe(pod));
      }

      public void onDelete(Pod pod, boolean finalStateUnknown) {
        loop.execute(() -> worker.gone(pod));
      }
    });
    // Objects first, so a pod's references are in the caches by the time the pod is seen.
    for (var informer : List.of(configMaps, secrets, services, pods)) {
      informers.add(informer);
      informer.start().toCompletableFuture().join();
    }
    return this;
  }

  /** Why pods cannot run here, if they cannot; known after {@link #start()}. */
  public Optional<String> sandboxProblem() {
    return sandboxProblem;
  }

  /**
   * How containers' memory limits are enforced here, e.g. "memory limits: cgroup v1 memory
   * controller + JVM heap cap" or "JVM heap cap only: no writable memory cgroup"; known after
   * {@link #start()}.
   */
  public String memoryLimits() {
    return memoryLimits.description();
  }

  /** The chosen mechanism itself, for tests that look at the cgroups. */
  MemoryLimits memoryLimitsInUse() {
    return memoryLimits;
  }

  /**
   * Stops watching and kills every process the node started, waiting until they are gone; then
   * removes the node's memory cgroups.
   */
  @Override
  public void close() {
    if (loop.isShutdown()) {
      return;
    }
    informers.forEach(SharedIndexInformer::stop);
    if (worker != null) {
      var processes = CompletableFuture.supplyAsync(worker::killEverything, loop).join();
      processes.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join());
    }
    loop.shutdownNow();
    try {
      // An exit being recorded may still be removing its cgroup.
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    memoryLimits.close();
  }

  private <T extends HasMetadata> ResourceEventHandler<T> onChange(Consumer<T> action, boolean onDelete) {
    return new ResourceEventHandler<>() {
      public void onAdd(T object) {
        loop.execute(() -> action.accept(object));
      }

      public void onUpdate(T old, T object) {
        loop.execute(() -> action.accept(object));
      }

      public void onDelete(T object, boolean finalStateUnknown) {
        if (onDelete) {
          loop.execute(() -> action.accept(object));
        }
      }
    };
  }

  /** ConfigMaps and Secrets as the informers' caches hold them. */
  private record InformerObjects(SharedIndexInformer<ConfigMap> configMaps, SharedIndexInformer<Secret> secrets)
      implements ClusterObjects {
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.ofNullable(configMaps.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    public Optional<Secret> secret(String namespace, String name) {
      return Optional.ofNullable(secrets.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }
  }

  static java.util.List<Path> hiddenFromPods(Path stateDir) {
    var hidden = new java.util.ArrayList<Path>();
    if (stateDir.toAbsolutePath().getParent() != null) {
      hidden.add(stateDir.toAbsolutePath().getParent());
    }
    hidden.add(Path.of(System.getProperty("user.home")));
    var home = System.getenv("HOME");
    if (home != null && !home.isBlank()) {
      hidden.add(Path.of(home));
    }
    return hidden;
  }
}
