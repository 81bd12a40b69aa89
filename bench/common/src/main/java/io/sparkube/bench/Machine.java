package io.sparkube.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on. */
public record Machine(int nproc, long memoryGiB, String cpuModel, String os, String javaVersion, String commit) {

  public static Machine describe(Path root) throws IOException, InterruptedException {
    var cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    var java = output(root, "java", "-version").strip().replace("\n", "; ");
    var commit = output(root, "git", "rev-parse", "--short", "HEAD").strip();
    return new Machine(Runtime.getRuntime().availableProcessors(), Math.round(memKb / 1024.0 / 1024.0), cpu,
        System.getProperty("os.name") + " " + System.getProperty("os.version"), java, commit + " (plus working tree)");
  }

  private static String output(Path dir, String... cmd) throws IOException, InterruptedException {
    var process = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
    var text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return text;
  }
}
