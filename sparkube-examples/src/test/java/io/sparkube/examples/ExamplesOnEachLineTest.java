package io.sparkube.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one examples jar, compiled against Spark 3.5 (Scala 2.12), runs on every line's own jars:
 * SparkSubmit in local[2] mode, in a child JVM, as Spark's launcher would start it.
 */
class ExamplesOnEachLineTest {

  @TempDir static Path work;
  static Path examplesJar;

  @BeforeAll
  static void packageClasses() throws IOException {
    examplesJar = CompiledClassesJar.pack(work);
    Files.writeString(work.resolve("words.txt"), "the cat sat\non the mat\n\nthe end\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.0", "4.1"})
  void sparkPiUnderSparksOwnClassName(String line) throws Exception {
    var out = submit(line, "org.apache.spark.examples.SparkPi", "4");

    var piLine = out.stream().filter(l -> l.startsWith("Pi is roughly ")).findFirst();
    assertThat(piLine).as("output: %s", out).isPresent();
    assertThat(Double.parseDouble(piLine.get().substring("Pi is roughly ".length())))
        .isCloseTo(Math.PI, within(0.05));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.0", "4.1"})
  void wordCountReadsAFileRelativeToTheWorkingDirectory(String line) throws Exception {
    var out = submit(line, "io.sparkube.examples.WordCount", "words.txt");

    assertThat(out).containsExactly(
        "cat: 1", "end: 1", "mat: 1", "on: 1", "sat: 1", "the: 3",
        "Counted 8 words, 6 distinct, in words.txt");
  }

  /** Runs SparkSubmit on the line's jars in {@code work}; returns stdout (Spark logs to stderr). */
  private static List<String> submit(String line, String mainClass, String... args)
      throws IOException, InterruptedException {
    var jars = sparkJars(line);
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(List.of(moduleOptions(jars).split("\\s+")));
    command.addAll(List.of("-cp", jars + "/*", "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--class", mainClass, examplesJar.toString()));
    command.addAll(List.of(args));
    var stdout = work.resolve(line + "-" + mainClass + ".out");
    var stderr = work.resolve(line + "-" + mainClass + ".err");
    var builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    var process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("SparkSubmit on " + line + " did not end in 3 minutes");
    }
    assertThat(process.exitValue()).as("exit code; stderr:%n%s", Files.readString(stderr)).isZero();
    return Files.readAllLines(stdout);
  }

  private static Path sparkJars(String line) {
    var jars = Path.of(System.getProperty("sparkube.repo", ".."))
        .resolve("spark-runtimes/spark-" + line + "/target/jars").toAbsolutePath().normalize();
    assertThat(jars).as("Spark %s jars; build spark-runtimes/spark-%s first", line, line).isDirectory();
    return jars;
  }

  /** The JVM flags Spark's own launcher adds on this line (JavaModuleOptions), read from its jar. */
  private static String moduleOptions(Path jars) {
    try (Stream<Path> files = Files.list(jars)) {
      var launcher = files.filter(p -> p.getFileName().toString().startsWith("spark-launcher_"))
          .findFirst().orElseThrow();
      try (var loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, null)) {
        return (String) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
            .getMethod("defaultModuleOptions").invoke(null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
