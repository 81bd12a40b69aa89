package io.sparkube.local.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds our examples jar (module sparkube-examples) to put into images. */
public final class ExamplesJar {

  private static final String PROBE = "io/sparkube/examples/SparkPi.class";

  private ExamplesJar() {}

  /**
   * The jar holding our examples: the one on this JVM's class path if there is one (a distribution
   * that ships it), else the one built in the checkout's {@code sparkube-examples/target}.
   */
  public static Path locate(Path checkout) {
    return onClassPath().or(() -> inCheckout(checkout)).orElseThrow(() -> new ImageBuildException(
        "the examples jar is not built: build it with: mvn -q -DskipTests install -pl sparkube-examples"));
  }

  static Optional<Path> onClassPath() {
    var url = ExamplesJar.class.getClassLoader().getResource(PROBE);
    if (url == null || !url.getProtocol().equals("jar")) {
      return Optional.empty();
    }
    var spec = url.getPath();
    try {
      return Optional.of(Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/")))));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<Path> inCheckout(Path checkout) {
    var target = checkout.resolve("sparkube-examples").resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(f -> {
        var name = f.getFileName().toString();
        return name.startsWith("sparkube-examples-") && name.endsWith(".jar")
            && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
      }).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
