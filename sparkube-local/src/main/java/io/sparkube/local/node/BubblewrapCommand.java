package io.sparkube.local.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bwrap command line for one container: own PID and UTS namespaces, the host read-only with
 * the image over it, private /dev, /proc and /tmp, the pod's volumes and hosts file, and exactly
 * the container's environment. The network namespace is shared: pods are told apart by address.
 */
final class BubblewrapCommand {
  private final Path bubblewrap;
  private Path imageRoot;
  private String hostname;
  private String workingDir = "/";
  private final List<Path> hidden = new ArrayList<>();
  private Path hostsFile;
  private final List<SandboxMount> volumes = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> command = new ArrayList<>();

  BubblewrapCommand(Path bubblewrap) {
    this.bubblewrap = bubblewrap;
  }

  BubblewrapCommand image(Path root) {
    this.imageRoot = root;
    return this;
  }

  BubblewrapCommand hostname(String name) {
    this.hostname = name;
    return this;
  }

  BubblewrapCommand workingDir(String dir) {
    this.workingDir = dir;
    return this;
  }

  BubblewrapCommand hostsFile(Path file) {
    this.hostsFile = file;
    return this;
  }

  BubblewrapCommand mount(SandboxMount mount) {
    volumes.add(mount);
    return this;
  }

  BubblewrapCommand env(Map<String, String> variables) {
    env.putAll(variables);
    return this;
  }

  /** Host directories the container must not see (the cluster's keys and tokens, the user's home). */
  BubblewrapCommand hide(List<Path> directories) {
    hidden.addAll(directories);
    return this;
  }

  BubblewrapCommand command(List<String> commandLine) {
    command.addAll(commandLine);
    return this;
  }

  List<String> build() {
    if (command.isEmpty()) {
      throw new IllegalStateException("a container needs a command: none in the pod spec or the image entrypoint");
    }
    var args = new ArrayList<>(List.of(bubblewrap.toString(), "--die-with-parent", "--unshare-pid"));
    if (hostname != null) {
      args.addAll(List.of("--unshare-uts", "--hostname", hostname));
    }
    var mountPoints = new ArrayList<>(volumes);
    mountPoints.addAll(List.of(SandboxMount.tmpfs("/dev"), SandboxMount.tmpfs("/proc"), SandboxMount.tmpfs("/tmp")));
    if (hostsFile != null) {
      mountPoints.add(new SandboxMount("/etc/hosts", hostsFile, true));
    }
    var layout = new SandboxLayout(imageRoot, mountPoints);
    args.addAll(layout.fileSystemArgs());
    args.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
    // An empty tmpfs over each hidden directory: mount sources are read from the host, so the
    // pod's own volumes (kept in the cluster's state directory) still mount.
    hidden.stream().filter(Files::isDirectory).map(Path::toString).filter(dir -> !dir.equals("/"))
        .forEach(dir -> args.addAll(List.of("--tmpfs", dir)));
    // Parents before children, so a volume mounted inside another one lands on top of it.
    layout.mounts().subList(0, volumes.size()).stream().sorted(Comparator.comparing(SandboxMount::target))
        .forEach(m -> addMount(args, m));
    if (hostsFile != null) {
      args.addAll(List.of("--ro-bind", hostsFile.toString(), "/etc/hosts"));
    }
    layout.rebuiltDirectories().forEach(dir -> args.addAll(List.of("--remount-ro", dir)));
    args.addAll(List.of("--chdir", Objects.requireNonNullElse(workingDir, "/"), "--clearenv"));
    env.forEach((name, value) -> args.addAll(List.of("--setenv", name, value)));
    args.add("--");
    args.addAll(command);
    return args;
  }

  private static void addMount(List<String> args, SandboxMount mount) {
    if (mount.source() == null) {
      args.addAll(List.of("--tmpfs", mount.target()));
    } else {
      args.addAll(List.of(mount.readOnly() ? "--ro-bind" : "--bind", mount.source().toString(), mount.target()));
    }
  }
}
