package io.sparkube.fidelity;

import io.sparkube.model.SparkLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Unmodified Spark of one line, from the jars that module spark-runtimes/spark-LINE copies to its
 * target/jars. Each line gets one class loader for the whole test run: loading Spark takes
 * seconds, and its parent is the platform loader so none of our classpath leaks into it. The
 * loader also holds {@link ObjectStoreStandIn}, so s3a:// dependencies resolve without S3.
 */
final class SparkRuntime {
  /** Where the spark-runtimes modules live; surefire sets it, the default suits an IDE run. */
  static final String RUNTIMES_DIR_PROPERTY = "sparkube.sparkRuntimes";

  private static final Map<SparkLine, ClassLoader> LOADERS = new EnumMap<>(SparkLine.class);

  private SparkRuntime() {}

  static synchronized ClassLoader loader(SparkLine line) {
    return LOADERS.computeIfAbsent(line, SparkRuntime::newLoader);
  }

  static Path jarsDir(SparkLine line) {
    var root = Path.of(System.getProperty(RUNTIMES_DIR_PROPERTY, "../spark-runtimes"));
    return root.resolve("spark-" + line.line()).resolve("target").resolve("jars");
  }

  private static ClassLoader newLoader(SparkLine line) {
    var dir = jarsDir(line);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("No Spark " + line + " jars at " + dir.toAbsolutePath()
          + "; build them with: mvn -pl spark-runtimes/spark-" + line.line() + " package");
    }
    try (Stream<Path> jars = Files.list(dir)) {
      var urls = Stream.concat(
              jars.filter(p -> p.toString().endsWith(".jar")).sorted(),
              Stream.of(ObjectStoreStandIn.build(dir)))
          .map(SparkRuntime::url).toArray(URL[]::new);
      return new URLClassLoader("spark-" + line.line(), urls, ClassLoader.getPlatformClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
