package io.sparkube.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IdentityProbe's report, and the probe itself in local mode on Spark 4.0's jars (a file:// object). */
class IdentityProbeTest {
  @TempDir static Path work;
  static Path examplesJar;

  @BeforeAll
  static void packageClasses() throws IOException {
    examplesJar = CompiledClassesJar.pack(work);
  }

  @Test
  void theSubjectIsReadFromTheTokensPayloadAndTheTokenIsNotShown() throws IOException {
    var token = jwt("{\"aud\":[\"sts.amazonaws.com\"],\"sub\":\"system:serviceaccount:ns:sa\"}");
    var file = Files.writeString(work.resolve("token"), token + "\n");

    assertThat(ProbeReport.identity(file.toString())).isEqualTo("sub=system:serviceaccount:ns:sa");
    assertThat(ProbeReport.identity(null)).isEqualTo("token=none");
    assertThat(ProbeReport.identity(work.resolve("absent").toString())).startsWith("token=unreadable(")
        .doesNotContain(token);
    assertThat(ProbeReport.subject("not-a-jwt")).isEqualTo("?(not a JWT)");
    assertThat(ProbeReport.subject(jwt("{\"iss\":\"x\"}"))).isEqualTo("?(no sub claim)");
  }

  @Test
  void aFailureNamesItsClassAndItsRootCause() {
    var root = new IllegalStateException("Not authorized\nsecond line");
    var failure = new AccessDeniedException("s3a://b/k: No AWS Credentials: Not authorized", null, null);
    failure.initCause(new RuntimeException("wrapped", root));

    assertThat(ProbeReport.describe(failure)).isEqualTo("java.nio.file.AccessDeniedException: s3a://b/k: No AWS"
        + " Credentials: Not authorized <- java.lang.IllegalStateException");
    assertThat(ProbeReport.describe(new IOException("plain"))).isEqualTo("java.io.IOException: plain");
    assertThat(ProbeReport.describe(new IOException("outer", new IOException("inner"))))
        .isEqualTo("java.io.IOException: outer <- java.io.IOException: inner");
  }

  @Test
  void everyRoleReadsTheObjectAndShowsItsToken() throws Exception {
    var object = Files.writeString(work.resolve("object.txt"), "probe me\n");
    var token = Files.writeString(work.resolve("job-token"), jwt("{\"sub\":\"system:serviceaccount:ns:job\"}"));
    var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(object)));

    var run = probe(object.toUri().toString(), token);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(
        "identity-probe driver sub=system:serviceaccount:ns:job read 9 bytes sha256=" + sha,
        "identity-probe executor driver sub=system:serviceaccount:ns:job read 9 bytes sha256=" + sha);
  }

  @Test
  void aRoleThatCannotReadFailsTheJobOnceAllWereTried() throws Exception {
    var missing = work.resolve("missing.txt").toUri().toString();

    var run = probe(missing, null);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).contains("identity-probe driver token=none FAILED: java.io.FileNotFoundException: ",
        "identity-probe executor driver token=none FAILED: java.io.FileNotFoundException: ");
    assertThat(run.err()).contains("identity-probe: 2 of 2 roles could not read " + missing);
  }

  private static String jwt(String payload) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  record Run(int exitCode, String out, String err) {}

  /** SparkSubmit in local mode (one executor: the driver's own) on Spark 4.0's jars, in a child JVM. */
  private static Run probe(String uri, Path tokenFile) throws IOException, InterruptedException {
    var jars = Path.of(System.getProperty("sparkube.repo", "..")).resolve("spark-runtimes/spark-4.0/target/jars")
        .toAbsolutePath().normalize();
    assertThat(jars).as("Spark 4.0 jars; build spark-runtimes/spark-4.0 first").isDirectory();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(List.of(moduleOptions(jars).split("\\s+")));
    command.addAll(List.of("-cp", jars + "/*", "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--class", IdentityProbe.class.getName(), examplesJar.toString(), uri, "1"));
    var out = Files.createTempFile(work, "probe", ".out");
    var err = Files.createTempFile(work, "probe", ".err");
    var builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove(ProbeReport.TOKEN_FILE_ENV);
    if (tokenFile != null) {
      builder.environment().put(ProbeReport.TOKEN_FILE_ENV, tokenFile.toString());
    }
    var process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("IdentityProbe did not end in 3 minutes");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The JVM flags Spark's own launcher adds on this line (JavaModuleOptions), read from its jar. */
  private static String moduleOptions(Path jars) throws IOException {
    try (Stream<Path> files = Files.list(jars)) {
      var launcher = files.filter(p -> p.getFileName().toString().startsWith("spark-launcher_")).findFirst().orElseThrow();
      try (var loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, null)) {
        return (String) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
            .getMethod("defaultModuleOptions").invoke(null);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
