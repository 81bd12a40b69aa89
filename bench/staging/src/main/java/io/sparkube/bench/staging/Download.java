package io.sparkube.bench.staging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Where a download's bytes come from: a signed URL on the staging server, or the baseline's bare socket. */
@FunctionalInterface
interface Download {
  /** Connects and returns the body; closing it ends the download. */
  InputStream open() throws IOException;

  /** Downloads to {@code target}, timed from connecting to the file closed, as a fetch to local disk is. */
  default Transfer toFile(Path target) throws IOException {
    var watch = Stopwatch.start();
    long bytes;
    try (var in = open(); var out = new FileOutputStream(target.toFile())) {
      bytes = Copy.stream(in, out);
    }
    return watch.stop(bytes);
  }
}
