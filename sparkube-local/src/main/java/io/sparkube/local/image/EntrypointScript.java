package io.sparkube.local.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The image's entrypoint: our script implementing Spark's image contract, filled in for one release. */
final class EntrypointScript {

  private static final String TEMPLATE = load();

  private EntrypointScript() {}

  static String render(SparkRelease release, List<String> launcherOptions) {
    return TEMPLATE
        .replace("@SPARK_VERSION@", release.version())
        .replace("@SCALA_BINARY_VERSION@", release.scalaBinaryVersion())
        .replace("@LAUNCHER_JAVA_OPTS@", launcherOptions.stream().map(EntrypointScript::quote)
            .collect(Collectors.joining(" ")));
  }

  /** A single-quoted shell word. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String load() {
    try (InputStream in = EntrypointScript.class.getResourceAsStream("entrypoint.sh")) {
      if (in == null) {
        throw new IllegalStateException("entrypoint.sh is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
