package io.sparkube.local.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference split as Docker reads it: {@code [registry/]path[:tag][@digest]}, such as
 * {@code apache/spark:4.0.2} or {@code ghcr.io/apache/spark-docker/spark:3.5.6-scala2.12-java17-ubuntu}.
 */
record ImageReference(String reference, String repository, Optional<String> tag) {

  // A Spark image tag: the version, optionally "v"-prefixed, then variant words (scala2.13, java17, python3, ubuntu).
  private static final Pattern SPARK_TAG = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+)((?:-[A-Za-z0-9.]+)*)");
  private static final Pattern SCALA_VARIANT = Pattern.compile("-scala(\\d+\\.\\d+)");

  static ImageReference parse(String reference) {
    var withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
    int lastSlash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    // A colon before the last slash is a registry port (localhost:5000/spark), not a tag.
    if (colon > lastSlash) {
      return new ImageReference(reference, withoutDigest.substring(0, colon),
          Optional.of(withoutDigest.substring(colon + 1)));
    }
    return new ImageReference(reference, withoutDigest, Optional.empty());
  }

  /** The last path component: "spark" for apache/spark, docker.io/library/spark and ghcr.io/.../spark. */
  String imageName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /** Whether this names one of Spark's images (any registry, any owner). */
  boolean isSpark() {
    return imageName().equals("spark");
  }

  /** The Spark version the tag names ("3.5.6" for "3.5.6-scala2.12-java17-ubuntu"), if any. */
  Optional<String> sparkVersion() {
    return tag.map(SPARK_TAG::matcher).filter(m -> m.matches()).map(m -> m.group(1));
  }

  /** The Scala binary version the tag asks for ("2.13" for "4.0.2-scala2.13-java17-ubuntu"), if any. */
  Optional<String> scalaVariant() {
    return tag.map(SPARK_TAG::matcher).filter(m -> m.matches())
        .map(m -> SCALA_VARIANT.matcher(m.group(2)))
        .filter(m -> m.find())
        .map(m -> m.group(1));
  }
}
