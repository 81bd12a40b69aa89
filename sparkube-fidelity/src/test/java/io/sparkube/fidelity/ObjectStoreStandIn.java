package io.sparkube.fidelity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A class-path directory for Spark's loader holding a core-site.xml and Hadoop FileSystem for
 * s3a://, gs:// and abfs(s):// that has no files (see spark-side/EmptyObjectStore.java.txt).
 * Real spark-submit globs remote dependencies through Hadoop and would need hadoop-aws and S3
 * here; the stand-in is compiled against the line's own Hadoop, as it exists only in that loader.
 */
final class ObjectStoreStandIn {
  private static final String SOURCE = "spark-side/EmptyObjectStore.java.txt";
  private static final String CORE_SITE = "spark-side/core-site.xml";

  private ObjectStoreStandIn() {}

  static Path build(Path sparkJars) {
    try {
      var dir = Files.createTempDirectory("sparkube-spark-side");
      var source = dir.resolve("src").resolve("EmptyObjectStore.java");
      Files.createDirectories(source.getParent());
      copyResource(SOURCE, source);
      copyResource(CORE_SITE, dir.resolve("core-site.xml"));
      var compiler = ToolProvider.getSystemJavaCompiler();
      var exit = compiler.run(null, null, null, "-nowarn", "--release", "17",
          "-classpath", hadoopApi(sparkJars).toString(), "-d", dir.toString(), source.toString());
      if (exit != 0) {
        throw new IllegalStateException("could not compile " + SOURCE + " against " + sparkJars);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path hadoopApi(Path sparkJars) throws IOException {
    try (Stream<Path> jars = Files.list(sparkJars)) {
      List<Path> api = jars.filter(p -> p.getFileName().toString().startsWith("hadoop-client-api-"))
          .toList();
      if (api.size() != 1) {
        throw new IllegalStateException("expected one hadoop-client-api jar in " + sparkJars);
      }
      return api.get(0);
    }
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = ObjectStoreStandIn.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      Files.copy(in, target);
    }
  }
}
