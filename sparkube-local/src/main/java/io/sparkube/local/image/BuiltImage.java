package io.sparkube.local.image;

import java.nio.file.Path;
import java.util.List;

/** A local image on disk, as {@code sparkube local image list} shows it. */
public record BuiltImage(String sparkVersion, String scalaBinaryVersion, Path dir, List<String> names, long sizeBytes) {

  public BuiltImage {
    names = List.copyOf(names);
  }

  /** One line: the names that map to it, its directory and size. */
  public String describe() {
    return String.join(", ", names) + " -> " + dir + " (Spark " + sparkVersion + ", Scala " + scalaBinaryVersion
        + ", " + (sizeBytes + (1 << 19)) / (1 << 20) + " MB)";
  }
}
