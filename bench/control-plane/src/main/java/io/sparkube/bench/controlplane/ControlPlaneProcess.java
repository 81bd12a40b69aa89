package io.sparkube.bench.controlplane;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The control plane (operator and job-runs API) in a JVM of its own, started from sparkube-cli's
 * distribution as {@code sparkube control-plane serve} starts it, so that its CPU and heap are its
 * own and not the API server's or the load generator's.
 */
final class ControlPlaneProcess implements AutoCloseable {
  private static final String MAIN = "io.sparkube.controlplane.ControlPlaneMain";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final List<String> command;
  private final int apiPort;
  private final int managementPort;
  private final String token;

  private ControlPlaneProcess(Process process, List<String> command, int apiPort, int managementPort, String token) {
    this.process = process;
    this.command = command;
    this.apiPort = apiPort;
    this.managementPort = managementPort;
    this.token = token;
  }

  /** Starts it against {@code apiServerUrl} (plain http, no credentials) and waits until /readyz answers 200. */
  static ControlPlaneProcess start(Path root, String apiServerUrl, Path dir, List<String> jvmFlags, boolean profile)
      throws IOException, InterruptedException {
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    var tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
    var kubeconfig = PlainKubeconfig.write(dir.resolve("kubeconfig"), apiServerUrl);
    // The control plane takes fixed ports only through its settings, so the harness picks free ones.
    int apiPort = freePort();
    int managementPort = freePort();
    var command = new ArrayList<>(List.of("java"));
    command.addAll(jvmFlags);
    if (profile) {
      command.add("-XX:StartFlightRecording=filename=" + dir.resolve("control-plane.jfr") + ",settings=profile");
    }
    command.addAll(List.of("-Dsparkube.controlPlane.installCrds=true",
        "-Dsparkube.controlPlane.managementPort=" + managementPort, "-Dsparkube.jobruns.port=" + apiPort,
        "-Dsparkube.jobruns.tokenFile=" + tokenFile, "-cp", classPath(root), MAIN));
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("control-plane.log").toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    var controlPlane = new ControlPlaneProcess(builder.start(), command, apiPort, managementPort, token);
    try {
      controlPlane.awaitReady(dir.resolve("control-plane.log"));
    } catch (IOException | InterruptedException | RuntimeException e) {
      controlPlane.close();
      throw e;
    }
    return controlPlane;
  }

  /** sparkube-cli's distribution: its jar, lib/ and the server libraries of lib-local/. */
  private static String classPath(Path root) throws IOException {
    var target = root.resolve("sparkube-cli/target");
    try (var jars = Files.newDirectoryStream(target, "sparkube-cli-*.jar")) {
      var jar = jars.iterator();
      if (!jar.hasNext() || !Files.isDirectory(target.resolve("lib-local"))) {
        throw new IllegalStateException("no sparkube-cli distribution in " + target
            + "; build it: mvn -o -DskipTests -pl sparkube-cli -am package");
      }
      return jar.next() + ":" + target.resolve("lib") + "/*:" + target.resolve("lib-local") + "/*";
    }
  }

  private static byte[] randomBytes(int n) {
    var bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Path log) throws IOException, InterruptedException {
    var http = HttpClient.newHttpClient();
    var readyz = HttpRequest.newBuilder(URI.create(managementUrl() + "/readyz")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the control plane exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException("the control plane was not ready within " + START_TIMEOUT + "; see " + log);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + apiPort;
  }

  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  String token() {
    return token;
  }

  List<String> command() {
    return command;
  }

  /** CPU the whole JVM has used since it started: every thread, the JIT and the collector included. */
  double cpuSeconds() {
    return ProcessCpu.seconds(process.pid());
  }

  /** A full collection now (jcmd GC.run), so that the heap in use next is what the control plane keeps. */
  void collectGarbage() throws IOException, InterruptedException {
    var jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
    var output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd GC.run failed: " + output);
    }
  }

  /** Stops it as Kubernetes would (SIGTERM, so a JFR recording is written), then kills it if it lingers. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
