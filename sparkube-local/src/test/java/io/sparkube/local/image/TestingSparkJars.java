package io.sparkube.local.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The few jars an image build looks into: the release's real spark-launcher jar (its JVM flags are
 * read from it), and empty stand-ins for the rest. Fast enough to build an image per test.
 */
final class TestingSparkJars implements SparkJars {

  int copies;

  @Override
  public void copyTo(SparkRelease release, Path jarsDir, Consumer<String> progress) throws IOException {
    copies++;
    var suffix = "_" + release.scalaBinaryVersion() + "-" + release.version() + ".jar";
    Files.copy(runtimeJars(release).resolve("spark-launcher" + suffix), jarsDir.resolve("spark-launcher" + suffix));
    Files.createFile(jarsDir.resolve("spark-core" + suffix));
    Files.createFile(jarsDir.resolve("spark-kubernetes" + suffix));
  }

  static Path checkout() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  /** The jars the spark-runtimes module of the release's line copied (built before these tests). */
  static Path runtimeJars(SparkRelease release) {
    var jars = checkout().resolve("spark-runtimes/spark-" + release.line() + "/target/jars");
    assertThat(jars).as("Spark %s's jars; build spark-runtimes/spark-%s first", release.line(), release.line())
        .isDirectory();
    return jars;
  }

  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  static Path examplesJar(Path dir, String content) throws IOException {
    var jar = dir.resolve("examples-" + content.hashCode() + ".jar");
    Files.writeString(jar, content);
    return jar;
  }
}
