package io.sparkube.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Checks once, at node start, that bwrap exists and can create the namespaces a pod needs. */
final class BubblewrapProbe {
  static final String NOT_AVAILABLE =
      "bubblewrap is not available; install it with apt-get install bubblewrap";

  private BubblewrapProbe() {}

  /** Empty when sandboxes work; otherwise the message every pod's container will carry. */
  static Optional<String> problem(Path bubblewrap) {
    if (!Files.isExecutable(bubblewrap)) {
      return Optional.of(NOT_AVAILABLE + " (" + bubblewrap + " not found)");
    }
    var probe = List.of(bubblewrap.toString(), "--die-with-parent", "--unshare-pid", "--unshare-uts",
        "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--", "/bin/true");
    try {
      var process = new ProcessBuilder(probe).redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.of(NOT_AVAILABLE + " (a test sandbox did not finish in 30s)");
      }
      if (process.exitValue() != 0) {
        var output = new String(process.getInputStream().readAllBytes()).strip();
        return Optional.of(NOT_AVAILABLE + " (it cannot create namespaces here: " + output + ")");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(NOT_AVAILABLE + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(NOT_AVAILABLE + " (interrupted while checking)");
    }
  }
}
