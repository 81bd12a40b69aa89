package io.sparkube.local.image;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Spark's jars from Maven Central, resolved by the spark-runtimes module of the release's line in
 * a Sparkube checkout: that pom holds the line's version pins (jackson-core 2.15.x and slf4j-api
 * 2.0.x for 3.5). When the module has already copied the very release to its {@code target/jars},
 * those are copied; otherwise Maven resolves them, {@code -Dspark.version} selecting the release,
 * as a child process: {@code mvn -q -B -f spark-runtimes/spark-<line>/pom.xml
 * dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=<jars> -Dspark.version=<v>}.
 */
public final class SparkRuntimeJars implements SparkJars {

  private final Path checkout;
  private final List<String> maven;

  /** {@code maven}: the Maven command, such as {@code List.of("mvn")}. */
  public SparkRuntimeJars(Path checkout, List<String> maven) {
    this.checkout = checkout;
    this.maven = List.copyOf(maven);
  }

  public static SparkRuntimeJars inCheckout(Path checkout) {
    return new SparkRuntimeJars(checkout, List.of("mvn"));
  }

  /**
   * The Sparkube checkout this code runs from (its jar lies in a module's target directory): the
   * nearest ancestor of that jar holding {@code spark-runtimes/}.
   */
  public static Optional<Path> findCheckout() {
    try {
      var source = SparkRuntimeJars.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      for (var dir = Path.of(source.getLocation().toURI()).toAbsolutePath(); dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("spark-runtimes")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
          return Optional.of(dir);
        }
      }
      return Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public void copyTo(SparkRelease release, Path jarsDir, Consumer<String> progress) throws IOException {
    var built = builtJars(release);
    if (built.isPresent()) {
      progress.accept("copying Spark " + release.version() + "'s jars from " + built.get());
      try (Stream<Path> jars = Files.list(built.get())) {
        for (var jar : jars.filter(SparkRuntimeJars::isJar).toList()) {
          Files.copy(jar, jarsDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return;
    }
    progress.accept("fetching Spark " + release.version() + "'s jars from Maven Central through Maven"
        + " (about 200 MB the first time)");
    resolveWithMaven(release, jarsDir);
  }

  Path runtimeModule(SparkRelease release) {
    return checkout.resolve("spark-runtimes").resolve("spark-" + release.line());
  }

  /** The module's target/jars, if it holds exactly this release (never a mix of two). */
  Optional<Path> builtJars(SparkRelease release) throws IOException {
    var jars = runtimeModule(release).resolve("target").resolve("jars");
    if (!Files.isDirectory(jars)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(jars)) {
      var cores = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("spark-core_")).toList();
      var wanted = "spark-core_" + release.scalaBinaryVersion() + "-" + release.version() + ".jar";
      return cores.equals(List.of(wanted)) ? Optional.of(jars) : Optional.empty();
    }
  }

  private void resolveWithMaven(SparkRelease release, Path jarsDir) throws IOException {
    var pom = runtimeModule(release).resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new ImageBuildException("cannot fetch Spark's jars: " + pom + " is missing (a Sparkube checkout is needed)");
    }
    var command = new ArrayList<>(maven);
    command.addAll(List.of("-q", "-B", "-f", pom.toString(), "dependency:copy-dependencies",
        "-DincludeScope=runtime", "-DoutputDirectory=" + jarsDir.toAbsolutePath(),
        "-Dspark.version=" + release.version()));
    var log = Files.createTempFile("sparkube-image-maven", ".log");
    try {
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new ImageBuildException("cannot run Maven (" + maven.get(0) + ") to fetch Spark's jars: install it"
            + " (bin/setup does) and try again", e);
      }
      int exit;
      try {
        exit = process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new ImageBuildException("interrupted while Maven fetched Spark's jars", e);
      }
      if (exit != 0) {
        var output = Files.readAllLines(log, StandardCharsets.UTF_8);
        throw new ImageBuildException("Maven could not fetch Spark " + release.version() + "'s jars (exit " + exit
            + "): " + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean isJar(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".jar");
  }
}
