package io.sparkube.local.image;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags Spark's launcher adds to every JVM that spark-submit starts: the release's
 * {@code JavaModuleOptions} (the Java 17 --add-opens and friends), read once from its own
 * spark-launcher jar when the image is built, plus what {@code SparkSubmitCommandBuilder} adds.
 */
final class LauncherOptions {

  private LauncherOptions() {}

  static List<String> of(SparkRelease release, Path jarsDir) throws IOException {
    var jar = jarsDir.resolve("spark-launcher_" + release.scalaBinaryVersion() + "-" + release.version() + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new ImageBuildException("Spark " + release.version() + "'s jars lack " + jar.getFileName());
    }
    // No parent but the platform's: the launcher jar is plain Java and must not see ours.
    try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      var moduleOptions = (String) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
          .getMethod("defaultModuleOptions").invoke(null);
      var options = new ArrayList<>(Arrays.asList(moduleOptions.trim().split("\\s+")));
      if (release.launcherDisablesDerbyAuthentication()) {
        options.add("-Dderby.connection.requireAuthentication=false");
      }
      return List.copyOf(options);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new ImageBuildException("cannot read the launcher's JVM options from " + jar, e);
    }
  }
}
