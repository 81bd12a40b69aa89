package io.sparkube.local.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocalImageRegistryTest {

  @TempDir Path images;
  LocalImageRegistry registry;

  @BeforeEach
  void builtImages() throws IOException {
    for (var version : new String[] {"3.5.6", "4.0.2"}) {
      var layout = SparkImageLayout.of(images, SparkRelease.of(version));
      Files.createDirectories(layout.inRoot("/opt/spark/jars"));
      Files.writeString(layout.inRoot("/opt/spark/jars/spark-core.jar"), "x".repeat(1024));
      ImageManifest.forRelease(SparkRelease.of(version), Path.of("/usr/lib/jvm/java-17-openjdk-amd64"))
          .write(layout.manifest());
    }
    registry = new LocalImageRegistry(images);
  }

  @ParameterizedTest
  @CsvSource({
      "apache/spark:4.0.2, 4.0.2",
      "spark:3.5.6, 3.5.6",
      "apache/spark:3.5.6-scala2.12-java17-ubuntu, 3.5.6",
      "apache/spark:3.5.6-scala2.12-java17-python3-ubuntu, 3.5.6",
      "apache/spark:v3.5.6, 3.5.6",
      "docker.io/apache/spark:4.0.2, 4.0.2",
      "docker.io/library/spark:4.0.2-java21, 4.0.2",
      "ghcr.io/apache/spark-docker/spark:4.0.2, 4.0.2",
      "localhost:5000/spark:4.0.2, 4.0.2",
      "apache/spark:4.0.2@sha256:0123456789abcdef, 4.0.2",
  })
  void sparkImagesMapToTheBuiltImageOfTheirVersion(String reference, String version) {
    var image = registry.resolve(reference);

    assertThat(image).isPresent();
    assertThat(image.get().root()).isEqualTo(images.resolve("spark-" + version).resolve("rootfs"));
    assertThat(image.get().name()).isEqualTo("apache/spark:" + version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"apache/spark:4.1.0", "apache/spark:4.0.1", "apache/spark:3.5.6-scala2.13-java17-ubuntu",
      "apache/spark", "apache/spark:latest", "localhost:5000/spark", "busybox:1.36", "apache/spark-py:v3.4.0",
      "apache/spark:3.4.1", "myorg/notspark:4.0.2"})
  void otherReferencesAreNotBuilt(String reference) {
    assertThat(registry.resolve(reference)).isEmpty();
  }

  @Test
  void howToBuildNamesTheCommandWithTheTagsVersion() {
    assertThat(registry.howToBuild("apache/spark:4.1.0")).isEqualTo(
        "image apache/spark:4.1.0 is not built locally; build it with: sparkube local image build --spark 4.1.0");
    assertThat(registry.howToBuild("ghcr.io/apache/spark-docker/spark:4.0.1-scala2.13-java17-ubuntu")).isEqualTo(
        "image ghcr.io/apache/spark-docker/spark:4.0.1-scala2.13-java17-ubuntu is not built locally;"
            + " build it with: sparkube local image build --spark 4.0.1");
    assertThat(registry.howToBuild("apache/spark:latest")).isEqualTo(
        "image apache/spark:latest is not built locally: local images are Spark's, named by version"
            + " (such as apache/spark:4.0.2); build one with: sparkube local image build --spark <version>"
            + " (3.5.6, 4.0.2, 4.1.0)");
    assertThat(registry.howToBuild("busybox")).startsWith("image busybox is not built locally: local images are Spark's");
    assertThat(registry.howToBuild("apache/spark:3.4.1")).isEqualTo(
        "image apache/spark:3.4.1 is not built locally, and cannot be: local images hold Spark 3.5.x, 4.0.x"
            + " or 4.1.x (such as 3.5.6, 4.0.2, 4.1.0), not: 3.4.1");
    assertThat(registry.howToBuild("apache/spark:3.5.6-scala2.13-java17-ubuntu")).isEqualTo(
        "image apache/spark:3.5.6-scala2.13-java17-ubuntu is not built locally: local images of Spark 3.5.6 are"
            + " Scala 2.12 only (apache/spark:3.5.6); build it with: sparkube local image build --spark 3.5.6");
  }

  @Test
  void anImageOfAnOlderFormatIsNotUsedAndSaysRebuild() throws IOException {
    var manifest = SparkImageLayout.of(images, SparkRelease.of("4.0.2")).manifest();
    Files.writeString(manifest, Files.readString(manifest).replace("format=1", "format=0"));

    assertThat(registry.resolve("apache/spark:4.0.2")).isEmpty();
    assertThat(registry.howToBuild("apache/spark:4.0.2")).isEqualTo("image apache/spark:4.0.2 was built by another"
        + " Sparkube version; rebuild it with: sparkube local image build --spark 4.0.2");
  }

  @Test
  void listShowsEachImageWithItsNamesAndSize() throws IOException {
    Files.createDirectories(images.resolve(".spark-4.1.0.building-1234"));
    Files.createDirectories(images.resolve("spark-4.1.0")); // no manifest: not an image

    var list = registry.list();

    assertThat(list).extracting(BuiltImage::sparkVersion).containsExactly("3.5.6", "4.0.2");
    assertThat(list.get(0).names()).containsExactly("apache/spark:3.5.6", "spark:3.5.6");
    assertThat(list.get(0).dir()).isEqualTo(images.resolve("spark-3.5.6"));
    assertThat(list.get(0).sizeBytes()).isGreaterThan(1024);
    assertThat(list.get(1).describe()).isEqualTo("apache/spark:4.0.2, spark:4.0.2 -> " + images.resolve("spark-4.0.2")
        + " (Spark 4.0.2, Scala 2.13, 0 MB)");
  }
}
