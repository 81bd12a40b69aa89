package io.sparkube.local.image;

import java.nio.file.Path;

/**
 * Where things are in a built Spark image directory ({@code <images>/spark-<version>}): its
 * manifest beside {@code rootfs/}, the file system the sandbox sees, laid out as Spark's own
 * images are (SPARK_HOME {@code /opt/spark}, WORKDIR {@code /opt/spark/work-dir}).
 */
public record SparkImageLayout(Path dir) {

  public static final String SPARK_HOME = "/opt/spark";
  public static final String ENTRYPOINT = "/opt/entrypoint.sh";
  public static final String WORK_DIR = SPARK_HOME + "/work-dir";
  public static final String JARS = SPARK_HOME + "/jars";
  /** Empty in the image: the driver's ConfigMap is mounted here. */
  public static final String CONF = SPARK_HOME + "/conf";
  public static final String EXAMPLES_JARS = SPARK_HOME + "/examples/jars";

  static final String DIR_PREFIX = "spark-";

  public static SparkImageLayout of(Path imagesDir, SparkRelease release) {
    return new SparkImageLayout(imagesDir.resolve(DIR_PREFIX + release.version()));
  }

  /** Outside the root, so the sandbox never sees it (the node binds every top-level entry of the root). */
  public Path manifest() {
    return dir.resolve("image.properties");
  }

  public Path root() {
    return dir.resolve("rootfs");
  }

  /** The host path of {@code imagePath}, an absolute path inside the image. */
  public Path inRoot(String imagePath) {
    return root().resolve(imagePath.substring(1));
  }
}
