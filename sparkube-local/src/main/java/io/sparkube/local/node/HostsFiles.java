package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/** Keeps every running pod's hosts file in step with Services and the pods that back them. */
final class HostsFiles {
  private final String machineHostname;
  private final Supplier<Collection<Service>> services;

  HostsFiles(String machineHostname, Supplier<Collection<Service>> services) {
    this.machineHostname = machineHostname;
    this.services = services;
  }

  void refresh(Collection<PodRun> runs) {
    for (var run : runs) {
      if (run.ip != null && Files.isDirectory(run.dir) && run.state() != PodState.FINISHED) {
        write(run, runs);
      }
    }
  }

  void write(PodRun run, Collection<PodRun> runs) {
    var hosts = new HostsFile(machineHostname, run.hostname(), run.ip);
    for (var service : services.get()) {
      var selector = service.getSpec() == null ? null : service.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        continue;
      }
      var ns = service.getMetadata().getNamespace();
      runs.stream().filter(backing -> backing.state() == PodState.RUNNING && backing.namespace().equals(ns)
              && matches(selector, backing.pod.getMetadata().getLabels()))
          .findFirst()
          .ifPresent(backing -> hosts.service(service.getMetadata().getName(), ns, backing.ip,
              ns.equals(run.namespace())));
    }
    try {
      // In place, never by rename: the sandbox bind-mounts this very inode.
      Files.writeString(run.hostsFile(), hosts.render());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write hosts file " + run.hostsFile(), e);
    }
  }

  private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }

  static String machineHostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
