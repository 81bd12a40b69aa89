package io.sparkube.local.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The images built under one images directory, found by the references pods name: any Spark image
 * ({@code apache/spark}, {@code spark}, {@code docker.io/library/spark},
 * {@code ghcr.io/apache/spark-docker/spark}, ... : a repository whose last component is "spark")
 * whose tag names a version ({@code 4.0.2}, {@code v4.0.2}, {@code 3.5.6-scala2.12-java17-ubuntu})
 * maps to the local image of that version. The tag's other variants (java, python, OS) are not
 * honoured: local images run on the host's JDK 17 and hold no Python.
 */
public final class LocalImageRegistry implements LocalImages {

  private final Path imagesDir;

  public LocalImageRegistry(Path imagesDir) {
    this.imagesDir = imagesDir;
  }

  @Override
  public Optional<LocalImage> resolve(String imageReference) {
    return release(ImageReference.parse(imageReference)).flatMap(this::current);
  }

  @Override
  public String howToBuild(String imageReference) {
    var reference = ImageReference.parse(imageReference);
    var version = reference.sparkVersion();
    if (!reference.isSpark() || version.isEmpty()) {
      return "image " + imageReference + " is not built locally: local images are Spark's, named by version"
          + " (such as apache/spark:" + SparkRelease.REFERENCE_VERSIONS.get(1) + "); build one with:"
          + " sparkube local image build --spark <version> (" + String.join(", ", SparkRelease.REFERENCE_VERSIONS) + ")";
    }
    SparkRelease release;
    try {
      release = SparkRelease.of(version.get());
    } catch (IllegalArgumentException e) {
      return "image " + imageReference + " is not built locally, and cannot be: " + e.getMessage();
    }
    var scala = reference.scalaVariant();
    if (scala.isPresent() && !scala.get().equals(release.scalaBinaryVersion())) {
      return "image " + imageReference + " is not built locally: local images of Spark " + release.version()
          + " are Scala " + release.scalaBinaryVersion() + " only (apache/spark:" + release.version()
          + "); build it with: sparkube local image build --spark " + release.version();
    }
    if (Files.exists(SparkImageLayout.of(imagesDir, release).manifest())) {
      return "image " + imageReference + " was built by another Sparkube version; rebuild it with:"
          + " sparkube local image build --spark " + release.version();
    }
    return "image " + imageReference + " is not built locally; build it with: sparkube local image build --spark "
        + release.version();
  }

  /** The images built here, oldest Spark version first, with the names that map to each. */
  public List<BuiltImage> list() {
    if (!Files.isDirectory(imagesDir)) {
      return List.of();
    }
    var images = new ArrayList<BuiltImage>();
    try (Stream<Path> dirs = Files.list(imagesDir)) {
      for (var dir : dirs.filter(d -> d.getFileName().toString().startsWith(SparkImageLayout.DIR_PREFIX)).toList()) {
        var release = releaseOf(dir);
        if (release.isPresent() && current(release.get()).isPresent()) {
          var version = release.get().version();
          images.add(new BuiltImage(version, release.get().scalaBinaryVersion(), dir,
              List.of("apache/spark:" + version, "spark:" + version), size(dir)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + imagesDir, e);
    }
    images.sort(Comparator.comparing(BuiltImage::sparkVersion, LocalImageRegistry::compareVersions));
    return images;
  }

  private static Optional<SparkRelease> release(ImageReference reference) {
    if (!reference.isSpark() || reference.sparkVersion().isEmpty()) {
      return Optional.empty();
    }
    try {
      var release = SparkRelease.of(reference.sparkVersion().get());
      var scala = reference.scalaVariant();
      return scala.isEmpty() || scala.get().equals(release.scalaBinaryVersion()) ? Optional.of(release) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<SparkRelease> releaseOf(Path dir) {
    try {
      return Optional.of(SparkRelease.of(dir.getFileName().toString().substring(SparkImageLayout.DIR_PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The built image of {@code release}, if its manifest is readable and of the current format. */
  private Optional<LocalImage> current(SparkRelease release) {
    var layout = SparkImageLayout.of(imagesDir, release);
    if (!Files.isRegularFile(layout.manifest())) {
      return Optional.empty();
    }
    try {
      var manifest = ImageManifest.read(layout.manifest());
      return manifest.format() == ImageManifest.FORMAT && manifest.release().equals(release)
          ? Optional.of(manifest.toLocalImage(layout.root()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static int compareVersions(String a, String b) {
    var left = a.split("\\.");
    var right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int c = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.length, right.length);
  }
}
