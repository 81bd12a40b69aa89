package io.sparkube.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM for the long-running servers (the local cluster, the staging server): this JVM and
 * class path plus the server libraries the distribution keeps in lib-local, out of every short
 * command's way.
 */
public final class DistributionJvm {
  private DistributionJvm() {}

  /** {@code java [jvmOptions] -cp <class path + lib-local> mainClass}. */
  public static List<String> command(List<String> jvmOptions, String mainClass) {
    var java = ProcessHandle.current().info().command().orElse("java");
    var classpath = System.getProperty("java.class.path");
    var libLocal = distributionDir().resolve("lib-local");
    if (Files.isDirectory(libLocal)) {
      classpath = classpath + File.pathSeparator + libLocal + File.separator + "*";
    }
    var command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, mainClass));
    return command;
  }

  /** The directory holding the CLI's jar (or classes), i.e. target/ of sparkube-cli. */
  private static Path distributionDir() {
    try {
      var location = Path.of(DistributionJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the sparkube distribution", e);
    }
  }
}
