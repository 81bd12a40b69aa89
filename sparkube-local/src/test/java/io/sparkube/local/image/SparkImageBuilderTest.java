package io.sparkube.local.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkImageBuilderTest {

  static final SparkRelease SPARK_3_5 = SparkRelease.of("3.5.6");

  @TempDir static Path shared;
  static Path images;
  static Path examplesJar;
  static LocalImage image;

  @TempDir Path work;

  /** One real image (Spark 3.5.6's jars, copied from spark-runtimes) for the tests that only read it. */
  @BeforeAll
  static void buildRealImage() throws IOException {
    images = shared.resolve("images");
    examplesJar = ExamplesJar.inCheckout(TestingSparkJars.checkout()).orElseThrow(
        () -> new AssertionError("build sparkube-examples first: its jar goes into the image"));
    image = new SparkImageBuilder(images, SparkRuntimeJars.inCheckout(TestingSparkJars.checkout()), examplesJar,
        TestingSparkJars.javaHome(), message -> { }).build(SPARK_3_5, false);
  }

  @Test
  void layoutIsThatOfSparksOwnImages() throws IOException {
    var root = images.resolve("spark-3.5.6/rootfs");
    assertThat(image.root()).isEqualTo(root);
    assertThat(list(root)).containsExactly("opt");
    assertThat(root.resolve("opt/spark/jars"))
        .isDirectoryContaining("glob:**/spark-core_2.12-3.5.6.jar")
        .isDirectoryContaining("glob:**/spark-kubernetes_2.12-3.5.6.jar")
        // The pins 3.5.6 needs.
        .isDirectoryContaining("glob:**/jackson-core-2.15.2.jar")
        .isDirectoryContaining("glob:**/slf4j-api-2.0.7.jar");
    assertThat(list(root.resolve("opt/spark/conf"))).isEmpty();
    assertThat(root.resolve("opt/spark/work-dir")).isEmptyDirectory();
    assertThat(root.resolve("opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar")).hasSameBinaryContentAs(examplesJar);
    assertThat(Files.getPosixFilePermissions(root.resolve("opt/entrypoint.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(list(images)).containsExactlyInAnyOrder("spark-3.5.6", ".spark-3.5.6.lock");
  }

  @Test
  void manifestReadsBackAsTheImageConfig() {
    var javaHome = TestingSparkJars.javaHome().toString();
    assertThat(image.name()).isEqualTo("apache/spark:3.5.6");
    assertThat(image.entrypoint()).containsExactly("/opt/entrypoint.sh");
    assertThat(image.workingDir()).isEqualTo("/opt/spark/work-dir");
    assertThat(image.env()).isEqualTo(Map.of(
        "SPARK_HOME", "/opt/spark",
        "JAVA_HOME", javaHome,
        "PATH", javaHome + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    assertThat(new LocalImageRegistry(images).resolve("apache/spark:3.5.6")).contains(image);
  }

  /** Not the k8s contract (that needs the local cluster), but the very command the driver role builds. */
  @Test
  void driverRoleRunsSparkPiFromTheImagesJars() throws Exception {
    var conf = Files.createDirectories(work.resolve("conf"));
    var properties = EntrypointTest.sparkProperties(conf, Map.of("spark.driver.memory", "512m",
        "spark.ui.enabled", "false", "spark.master", "local[2]"));
    var sparkHome = image.root().resolve("opt/spark");
    var builder = new ProcessBuilder("/bin/bash", image.root().resolve("opt/entrypoint.sh").toString(), "driver",
        "--properties-file", properties.toString(), "--class", "org.apache.spark.examples.SparkPi",
        sparkHome.resolve("examples/jars/spark-examples_2.12-3.5.6.jar").toString(), "4")
        .directory(work.toFile())
        .redirectOutput(work.resolve("out").toFile())
        .redirectError(work.resolve("err").toFile());
    builder.environment().putAll(Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_CONF_DIR", conf.toString(),
        "JAVA_HOME", TestingSparkJars.javaHome().toString(), "SPARK_DRIVER_BIND_ADDRESS", "127.0.0.1",
        "SPARK_LOCAL_IP", "127.0.0.1"));
    builder.environment().remove("SPARKUBE_ENTRYPOINT_DRY_RUN");
    var process = builder.start();

    assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(work.resolve("err"))).isZero();
    assertThat(Files.readAllLines(work.resolve("out"))).anyMatch(line -> line.startsWith("Pi is roughly 3.1"));
  }

  @Test
  void aCurrentImageIsLeftAlone() throws IOException {
    var jars = new TestingSparkJars();
    var messages = new ArrayList<String>();
    var builder = new SparkImageBuilder(work, jars, examplesJar, TestingSparkJars.javaHome(), messages::add);
    var first = builder.build(SPARK_3_5, false);
    var entrypoint = first.root().resolve("opt/entrypoint.sh");
    var built = Files.getAttribute(entrypoint, "unix:ino");

    var second = builder.build(SPARK_3_5, false);

    assertThat(second).isEqualTo(first);
    assertThat(jars.copies).isEqualTo(1);
    assertThat(Files.getAttribute(entrypoint, "unix:ino")).isEqualTo(built);
    assertThat(messages).last().asString().contains("up to date");
  }

  @Test
  void anImageWithOtherExamplesOrForcedIsRebuilt() throws IOException {
    var jars = new TestingSparkJars();
    new SparkImageBuilder(work, jars, examplesJar, TestingSparkJars.javaHome(), m -> { }).build(SPARK_3_5, false);
    var newer = TestingSparkJars.examplesJar(work, "newer examples");

    var rebuilt = new SparkImageBuilder(work, jars, newer, TestingSparkJars.javaHome(), m -> { }).build(SPARK_3_5, false);
    assertThat(rebuilt.root().resolve("opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar")).hasContent("newer examples");
    new SparkImageBuilder(work, jars, newer, TestingSparkJars.javaHome(), m -> { }).build(SPARK_3_5, true);

    assertThat(jars.copies).isEqualTo(3);
    assertThat(list(work)).containsExactlyInAnyOrder("spark-3.5.6", ".spark-3.5.6.lock", newer.getFileName().toString());
  }

  @Test
  void aFailedBuildLeavesTheOldImageAndNoDebris() throws IOException {
    var builder = new SparkImageBuilder(work, new TestingSparkJars(), examplesJar, TestingSparkJars.javaHome(), m -> { });
    var old = builder.build(SPARK_3_5, false);
    SparkJars broken = (release, jarsDir, progress) -> Files.createFile(jarsDir.resolve("half.jar"));

    assertThatThrownBy(() -> new SparkImageBuilder(work, broken, examplesJar, TestingSparkJars.javaHome(), m -> { })
        .build(SPARK_3_5, true))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("no spark-core_2.12-3.5.6.jar");

    assertThat(new LocalImageRegistry(work).resolve("spark:3.5.6")).contains(old);
    assertThat(list(work)).containsExactlyInAnyOrder("spark-3.5.6", ".spark-3.5.6.lock");
  }

  @Test
  void otherReleasesAreFetchedByMavenWithTheLinesPom() throws Exception {
    var record = work.resolve("mvn-args");
    var mvn = work.resolve("mvn");
    // A stand-in for Maven: records its arguments, "downloads" one jar.
    Files.writeString(mvn, """
        #!/bin/bash
        printf '%s\\n' "$@" > "$RECORD"
        for arg; do case "$arg" in -DoutputDirectory=*) touch "${arg#*=}/spark-core_2.12-3.5.5.jar" ;; esac; done
        """.replace("$RECORD", record.toString()));
    mvn.toFile().setExecutable(true);
    var jarsDir = Files.createDirectories(work.resolve("jars"));
    var checkout = TestingSparkJars.checkout();

    new SparkRuntimeJars(checkout, List.of(mvn.toString())).copyTo(SparkRelease.of("3.5.5"), jarsDir, m -> { });

    assertThat(Files.readAllLines(record)).containsExactly("-q", "-B",
        "-f", checkout.resolve("spark-runtimes/spark-3.5/pom.xml").toString(),
        "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + jarsDir,
        "-Dspark.version=3.5.5");
    assertThat(jarsDir.resolve("spark-core_2.12-3.5.5.jar")).exists();
  }

  @Test
  void mavenFailureIsReportedWithItsOutput() throws IOException {
    var mvn = work.resolve("mvn");
    Files.writeString(mvn, "#!/bin/bash\necho 'Could not resolve dependencies'\nexit 1\n");
    mvn.toFile().setExecutable(true);

    assertThatThrownBy(() -> new SparkRuntimeJars(TestingSparkJars.checkout(), List.of(mvn.toString()))
        .copyTo(SparkRelease.of("4.0.1"), work, m -> { }))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("Maven could not fetch Spark 4.0.1's jars (exit 1)")
        .hasMessageContaining("Could not resolve dependencies");
  }

  @Test
  void theCheckoutIsFoundFromWhereTheCodeRuns() {
    assertThat(SparkRuntimeJars.findCheckout()).contains(TestingSparkJars.checkout());
  }

  @Test
  void unsupportedReleasesAreRefused() {
    assertThatThrownBy(() -> SparkRelease.of("3.4.1"))
        .hasMessage("local images hold Spark 3.5.x, 4.0.x or 4.1.x (such as 3.5.6, 4.0.2, 4.1.0), not: 3.4.1");
    assertThatThrownBy(() -> SparkRelease.of("4.0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(e -> e.getFileName().toString()).toList();
    }
  }
}
