package io.sparkube.local.image;

import io.sparkube.local.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code sparkube local image build}: assembles the local image of a Spark release under the
 * images directory. An image that is already current is left alone; otherwise the image is built
 * in a sibling temporary directory and renamed into place, so readers see the old image or the
 * new one, never half of one. Builds of one release are serialised through a lock file.
 */
public final class SparkImageBuilder {

  private final Path imagesDir;
  private final SparkJars jars;
  private final Path examplesJar;
  private final Path javaHome;
  private final Consumer<String> progress;

  /**
   * @param examplesJar our examples jar (sparkube-examples), placed where Spark's images keep theirs
   * @param javaHome the JDK 17 the image's JVMs run on; the host's, which the sandbox sees at the same path
   */
  public SparkImageBuilder(Path imagesDir, SparkJars jars, Path examplesJar, Path javaHome, Consumer<String> progress) {
    this.imagesDir = imagesDir;
    this.jars = jars;
    this.examplesJar = examplesJar;
    this.javaHome = javaHome;
    this.progress = progress;
  }

  /** The image of {@code release}, built unless a current one exists (always, with {@code rebuild}). */
  public LocalImage build(SparkRelease release, boolean rebuild) {
    if (!Files.isRegularFile(examplesJar)) {
      throw new ImageBuildException("the examples jar " + examplesJar + " is missing: build it with"
          + " mvn -q -DskipTests install -pl sparkube-examples");
    }
    if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
      throw new ImageBuildException("no JDK at " + javaHome + " (" + javaHome.resolve("bin/java") + " is missing)");
    }
    var layout = SparkImageLayout.of(imagesDir, release);
    try {
      Files.createDirectories(imagesDir);
      try (var lock = FileChannel.open(imagesDir.resolve("." + layout.dir().getFileName() + ".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          var held = lock.lock()) {
        if (!rebuild && isCurrent(layout, release)) {
          progress.accept("image " + layout.dir() + " is up to date");
          return ImageManifest.read(layout.manifest()).toLocalImage(layout.root());
        }
        removeLeftovers(layout);
        var image = assemble(release, layout);
        progress.accept("built " + image.name() + " in " + layout.dir());
        return image;
      }
    } catch (IOException e) {
      throw new ImageBuildException("cannot build the image of Spark " + release.version() + " in "
          + layout.dir() + ": " + e, e);
    }
  }

  private LocalImage assemble(SparkRelease release, SparkImageLayout layout) throws IOException {
    var staging = new SparkImageLayout(imagesDir.resolve(temporaryName(layout, "building")));
    try {
      var jarsDir = Files.createDirectories(staging.inRoot(SparkImageLayout.JARS));
      Files.createDirectories(staging.inRoot(SparkImageLayout.CONF));
      Files.createDirectories(staging.inRoot(SparkImageLayout.WORK_DIR));
      var examplesDir = Files.createDirectories(staging.inRoot(SparkImageLayout.EXAMPLES_JARS));
      jars.copyTo(release, jarsDir, progress);
      requireSparkJars(release, jarsDir);
      var entrypoint = staging.inRoot(SparkImageLayout.ENTRYPOINT);
      Files.writeString(entrypoint, EntrypointScript.render(release, LauncherOptions.of(release, jarsDir)));
      Files.setPosixFilePermissions(entrypoint, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.copy(examplesJar, examplesDir.resolve(release.examplesJarName()));
      var manifest = ImageManifest.forRelease(release, javaHome);
      manifest.write(staging.manifest());
      swapInto(staging, layout);
      return manifest.toLocalImage(layout.root());
    } finally {
      FileTrees.delete(staging.dir());
    }
  }

  /** Renames the staged image into place, moving any older image aside first and deleting it after. */
  private void swapInto(SparkImageLayout staging, SparkImageLayout layout) throws IOException {
    Path old = null;
    if (Files.exists(layout.dir())) {
      old = imagesDir.resolve(temporaryName(layout, "old"));
      Files.move(layout.dir(), old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging.dir(), layout.dir(), StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      FileTrees.delete(old);
    }
  }

  /** Current: same manifest (format, release, JDK), same entrypoint script, same examples jar. */
  private boolean isCurrent(SparkImageLayout layout, SparkRelease release) throws IOException {
    if (!Files.isRegularFile(layout.manifest())) {
      return false;
    }
    try {
      if (!ImageManifest.read(layout.manifest()).equals(ImageManifest.forRelease(release, javaHome))) {
        return false;
      }
      var jarsDir = layout.inRoot(SparkImageLayout.JARS);
      var entrypoint = layout.inRoot(SparkImageLayout.ENTRYPOINT);
      var examples = layout.inRoot(SparkImageLayout.EXAMPLES_JARS).resolve(release.examplesJarName());
      return Files.isRegularFile(entrypoint) && Files.isRegularFile(examples)
          && Files.readString(entrypoint, StandardCharsets.UTF_8)
              .equals(EntrypointScript.render(release, LauncherOptions.of(release, jarsDir)))
          && Files.mismatch(examples, examplesJar) == -1;
    } catch (IOException | ImageBuildException e) {
      progress.accept("rebuilding " + layout.dir() + ": " + e.getMessage());
      return false;
    }
  }

  private static void requireSparkJars(SparkRelease release, Path jarsDir) {
    for (var artifact : List.of("spark-core", "spark-kubernetes", "spark-launcher")) {
      var jar = jarsDir.resolve(artifact + "_" + release.scalaBinaryVersion() + "-" + release.version() + ".jar");
      if (!Files.isRegularFile(jar)) {
        throw new ImageBuildException("Spark " + release.version() + "'s jars are incomplete: no " + jar.getFileName());
      }
    }
  }

  /** Staging and set-aside directories of a build that died; safe to remove under the lock. */
  private void removeLeftovers(SparkImageLayout layout) throws IOException {
    var prefix = "." + layout.dir().getFileName() + ".";
    try (Stream<Path> entries = Files.list(imagesDir)) {
      for (var entry : entries.toList()) {
        var name = entry.getFileName().toString();
        if (name.startsWith(prefix) && !name.endsWith(".lock") && Files.isDirectory(entry)) {
          FileTrees.delete(entry);
        }
      }
    }
  }

  private static String temporaryName(SparkImageLayout layout, String purpose) {
    return "." + layout.dir().getFileName() + "." + purpose + "-" + UUID.randomUUID();
  }

}
