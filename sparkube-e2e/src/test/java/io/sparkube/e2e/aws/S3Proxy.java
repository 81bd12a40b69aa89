package io.sparkube.e2e.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An S3-compatible store for the tests: s3proxy (Maven Central's jar-with-dependencies, copied to
 * {@code target/s3proxy} by the build) in a child JVM on 127.0.0.1 and an ephemeral port, keeping
 * objects in memory, accepting only Signature V4 requests made with {@link #KEY}.
 */
public final class S3Proxy implements AutoCloseable {
  /** The one access key the store knows; the test STS hands it out. */
  public static final StaticKey KEY = new StaticKey("SPARKUBETESTACCESSKEY", "sparkube-test-secret-access-key");
  public static final String REGION = "us-east-1";
  private static final Pattern STARTED = Pattern.compile("Started ServerConnector.*\\{127\\.0\\.0\\.1:(\\d+)}");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  public record StaticKey(String accessKeyId, String secretAccessKey) {}

  private final Process process;
  private final Path log;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  private S3Proxy(Process process, Path log, URI endpoint) {
    this.process = process;
    this.log = log;
    this.endpoint = endpoint;
  }

  /** Starts s3proxy from {@code jar}, logging to {@code workDir}, and returns once it listens. */
  public static S3Proxy start(Path jar, Path workDir) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build with mvn -pl sparkube-e2e test-compile");
    }
    var properties = workDir.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:0",
        "s3proxy.authorization=aws-v4",
        "s3proxy.identity=" + KEY.accessKeyId(),
        "s3proxy.credential=" + KEY.secretAccessKey(),
        "jclouds.provider=transient-nio2",
        "jclouds.identity=unused",
        "jclouds.credential=unused", ""));
    var log = workDir.resolve("s3proxy.log");
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
        properties.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      var started = STARTED.matcher(Files.readString(log));
      if (started.find()) {
        return new S3Proxy(process, log, URI.create("http://127.0.0.1:" + started.group(1)));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("s3proxy did not start in " + START_TIMEOUT.toSeconds() + "s:\n"
        + Files.readString(log));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Creates {@code bucket} and puts {@code body} at {@code key} in it, through the S3 API. */
  public void put(String bucket, String key, byte[] body) throws IOException, InterruptedException {
    send("PUT", "/" + bucket, new byte[0]);
    send("PUT", "/" + bucket + "/" + key, body);
  }

  private void send(String method, String path, byte[] body) throws IOException, InterruptedException {
    var request = new SigV4(KEY.accessKeyId(), KEY.secretAccessKey(), REGION)
        .sign(method, endpoint.resolve(path), body, Instant.now());
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  /** What s3proxy logged, for a failure's message. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
