package io.sparkube.bench.staging;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the figures were measured on. Disk matters here as much as CPU: the uploads end in an fsync.
 * The Java is this JVM's own, since the server, the clients and the baseline all run in it.
 */
record Machine(String cpus, String memory, String os, String disk, String java, String jvmFlags, String commit) {

  static Machine describe(Path root, Path workDir) throws IOException, InterruptedException {
    var model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.replaceFirst("^[^:]*:\\s*", "")).findFirst().orElse("unknown CPU");
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var store = Files.getFileStore(workDir);
    var flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return new Machine(os.getAvailableProcessors() + " CPUs (" + model + ")",
        Math.round(os.getTotalMemorySize() / (double) (1L << 30)) + " GiB",
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        store.type() + " on " + store.name() + " (" + (store.getUsableSpace() >> 30) + " GiB free)",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        flags.isEmpty() ? "none" : String.join(" ", flags), commit(root));
  }

  /** The commit, and whether the working tree differed from it, so a figure can be traced to its code. */
  private static String commit(Path root) throws InterruptedException {
    try {
      var head = git(root, "rev-parse", "--short", "HEAD");
      var changes = git(root, "status", "--porcelain");
      return head + (changes.isEmpty() ? "" : " (plus working tree changes)");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String git(Path root, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IOException("git " + args[0] + " failed: " + out);
    }
    return out;
  }
}
