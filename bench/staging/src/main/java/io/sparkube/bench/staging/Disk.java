package io.sparkube.bench.staging;

import io.sparkube.staging.client.StagingClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Keeps one timed transfer's disk work from being charged to the next. */
final class Disk {
  private Disk() {}

  /**
   * Writes out every dirty page first (sync(1)): the previous run left up to a GiB in the page
   * cache that the kernel would otherwise flush during the next run, slowing whichever came next.
   */
  static void settle() throws IOException, InterruptedException {
    var sync = new ProcessBuilder("sync").inheritIO().start();
    if (!sync.waitFor(5, TimeUnit.MINUTES)) {
      sync.destroyForcibly();
      throw new IllegalStateException("sync did not finish within 5 minutes; is the disk healthy?");
    }
  }

  /** Checks a downloaded copy (untimed) and deletes it, so the runs never hold more than one copy. */
  static void verifyAndDelete(Path copy, RandomBlob expected) throws IOException {
    try {
      var size = Files.size(copy);
      var sha = StagingClient.sha256(copy);
      if (size != expected.size() || !sha.equals(expected.sha256())) {
        throw new IllegalStateException(copy + " is not the blob: " + size + " bytes, SHA-256 " + sha);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
