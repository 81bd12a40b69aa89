package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.image.LocalImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a container spec, its image and its pod's volumes into a running sandbox. */
final class ContainerLauncher {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  /** Java must read the pod's hosts file only: there is no DNS server to fall back to. */
  static final String JVM_HOSTS_FILE = "-Djdk.net.hosts.file=/etc/hosts";

  private final Path bubblewrap;
  private final EnvResolver env;
  private final PodLogLayout logs;
  private final MemoryLimits memoryLimits;

  private List<Path> hidden = List.of();

  /** Host directories to keep out of every container (see BubblewrapCommand#hide). */
  ContainerLauncher hiding(List<Path> directories) {
    this.hidden = List.copyOf(directories);
    return this;
  }

  ContainerLauncher(Path bubblewrap, EnvResolver env, PodLogLayout logs, MemoryLimits memoryLimits) {
    this.bubblewrap = bubblewrap;
    this.env = env;
    this.logs = logs;
    this.memoryLimits = memoryLimits;
  }

  /** Removes the ended container's memory cgroup; false while a process of it lingers. */
  boolean releaseCgroup(ContainerProcess process) {
    return process.memoryCgroup().map(memoryLimits::release).orElse(true);
  }

  ContainerProcess launch(PodRun run, Container container, LocalImage image, Map<String, PreparedVolume> volumes) {
    var containerEnv = env.resolve(run.pod, container, run.ip);
    var workingDir = container.getWorkingDir() != null ? container.getWorkingDir() : image.workingDir();
    var command = new BubblewrapCommand(bubblewrap)
        .hide(hidden)
        .image(image.root())
        .hostname(run.hostname())
        .workingDir(workingDir)
        .hostsFile(run.hostsFile())
        .env(environment(run, container, image, containerEnv))
        .command(commandLine(container, image, containerEnv));
    for (var mount : container.getVolumeMounts()) {
      var volume = volumes.get(mount.getName());
      if (volume == null) {
        throw new ContainerConfigException("CreateContainerConfigError", "volumeMount " + mount.getName()
            + " names no volume of the pod");
      }
      var readOnly = Boolean.TRUE.equals(mount.getReadOnly()) || volume.alwaysReadOnly();
      var subPath = mount.getSubPath() == null || mount.getSubPath().isEmpty() ? null : mount.getSubPath();
      command.mount(volume.tmpfs() ? SandboxMount.tmpfs(mount.getMountPath())
          : new SandboxMount(mount.getMountPath(), subPath == null ? volume.source() : volume.source().resolve(subPath),
              readOnly));
    }
    if (workingDir != null && !workingDir.equals("/") && !mountedAt(container, workingDir)) {
      // A container's file system is writable; Spark fetches --files and --jars into its working
      // directory. Give it a writable copy of the image's, kept with the pod.
      command.mount(new SandboxMount(workingDir, WritableWorkingDir.prepare(run.dir, container.getName(),
          image.root(), workingDir), false));
    }
    var log = logs.logFile(run.namespace(), run.name(), container.getName());
    var commandLine = command.build();
    var cgroup = memoryLimits.create(run.pod.getMetadata().getUid() + "-" + container.getName(),
        MemoryCap.limitBytes(container));
    try {
      return ContainerProcess.start(commandLine, log, cgroup);
    } catch (RuntimeException e) {
      cgroup.ifPresent(memoryLimits::release);
      throw e;
    }
  }

  private static boolean mountedAt(Container container, String path) {
    return container.getVolumeMounts().stream().anyMatch(m -> path.equals(m.getMountPath()));
  }

  /** Image env, then the runtime's defaults, then the container's env; JVM options appended. */
  static Map<String, String> environment(PodRun run, Container container, LocalImage image,
      Map<String, String> containerEnv) {
    var result = new LinkedHashMap<String, String>();
    result.put("PATH", DEFAULT_PATH);
    result.put("HOME", "/root");
    result.putAll(image.env());
    result.put("HOSTNAME", run.hostname());
    result.putAll(containerEnv);
    var jvm = new ArrayList<String>();
    if (result.containsKey("JAVA_TOOL_OPTIONS")) {
      jvm.add(result.get("JAVA_TOOL_OPTIONS"));
    }
    jvm.add(JVM_HOSTS_FILE);
    MemoryCap.jvmOptions(container).ifPresent(jvm::add);
    result.put("JAVA_TOOL_OPTIONS", String.join(" ", jvm));
    return result;
  }

  /** command, else the image entrypoint; args apply either way. Both see $(VAR) expansion. */
  static List<String> commandLine(Container container, LocalImage image, Map<String, String> containerEnv) {
    var command = container.getCommand() == null || container.getCommand().isEmpty()
        ? image.entrypoint() : container.getCommand();
    var line = new ArrayList<String>();
    command.forEach(part -> line.add(VarExpansion.expand(part, containerEnv)));
    if (container.getArgs() != null) {
      container.getArgs().forEach(arg -> line.add(VarExpansion.expand(arg, containerEnv)));
    }
    return line;
  }
}
