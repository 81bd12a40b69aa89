package io.sparkube.cli.local;

import io.sparkube.cli.Terminal;
import io.sparkube.local.image.ExamplesJar;
import io.sparkube.local.image.ImageBuildException;
import io.sparkube.local.image.LocalImageRegistry;
import io.sparkube.local.image.SparkImageBuilder;
import io.sparkube.local.image.SparkRelease;
import io.sparkube.local.image.SparkRuntimeJars;
import io.sparkube.model.error.SparkubeException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparkube local image build|list}: local images, assembled from Maven Central. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Build and list local Spark images.",
    subcommands = {LocalImageCommand.Build.class, LocalImageCommand.List.class})
public final class LocalImageCommand {

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Assemble a local Spark image (Spark's jars from Maven Central, our entrypoint and examples).")
  static final class Build implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "--spark", required = true, paramLabel = "VERSION", description = "3.5.6, 4.0.2 or 4.1.0")
    String version;

    @Option(names = "--rebuild", description = "build again even when the image is current")
    boolean rebuild;

    Build(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      SparkRelease release;
      try {
        release = SparkRelease.of(version);
      } catch (IllegalArgumentException e) {
        throw SparkubeException.invalidConfig(e.getMessage());
      }
      var checkout = SparkRuntimeJars.findCheckout().orElseThrow(() -> SparkubeException.invalidConfig(
          "cannot find the Sparkube checkout that holds spark-runtimes/; run bin/sparkube from the checkout"));
      var home = LocalClusterProcess.home(terminal.environment());
      try {
        var image = new SparkImageBuilder(home.imagesDir(), SparkRuntimeJars.inCheckout(checkout),
            ExamplesJar.locate(checkout), Path.of(System.getProperty("java.home")), terminal.err()::println)
            .build(release, rebuild);
        terminal.out().println("built " + image.name() + " in " + image.root().getParent());
        return 0;
      } catch (ImageBuildException e) {
        throw SparkubeException.invalidConfig(e.getMessage());
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List local images and the names they answer to.")
  static final class List implements Callable<Integer> {
    private final Terminal terminal;

    List(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      var images = new LocalImageRegistry(LocalClusterProcess.home(terminal.environment()).imagesDir()).list();
      if (images.isEmpty()) {
        terminal.out().println("no local images; build one with: sparkube local image build --spark 4.0.2");
      }
      images.forEach(image -> terminal.out().println(image.describe()));
      return 0;
    }
  }
}
