package io.sparkube.local.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Puts the jars of a Spark release, with their version pins, into an image's jars directory. */
public interface SparkJars {

  void copyTo(SparkRelease release, Path jarsDir, Consumer<String> progress) throws IOException;
}
