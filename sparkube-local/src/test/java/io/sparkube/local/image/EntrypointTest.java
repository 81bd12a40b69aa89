package io.sparkube.local.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The entrypoint's roles, run outside a sandbox: SPARK_HOME points into the image's root, and
 * SPARKUBE_ENTRYPOINT_DRY_RUN=1 prints the command each role would run.
 */
class EntrypointTest {

  @TempDir static Path images;
  @TempDir Path work;

  @BeforeAll
  static void buildImages() {
    var builder = new SparkImageBuilder(images, new TestingSparkJars(), writeExamples(), Path.of(System.getProperty("java.home")),
        m -> { });
    for (var version : SparkRelease.REFERENCE_VERSIONS) {
      builder.build(SparkRelease.of(version), false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5.6", "4.0.2", "4.1.0"})
  void executorRunsKubernetesExecutorBackendWithThePodsSettings(String version) throws Exception {
    var sparkHome = sparkHome(version);
    var env = baseEnv(version);
    env.putAll(Map.of("SPARK_EXECUTOR_MEMORY", "1024m", "SPARK_CONF_DIR", "/opt/spark/conf",
        "SPARK_DRIVER_URL", "spark://CoarseGrainedScheduler@spark-pi-driver-svc.default.svc:7078",
        "SPARK_EXECUTOR_ID", "1", "SPARK_EXECUTOR_CORES", "1", "SPARK_APPLICATION_ID", "spark-0123",
        "SPARK_EXECUTOR_POD_IP", "127.0.0.3", "SPARK_RESOURCE_PROFILE_ID", "0",
        "SPARK_EXECUTOR_POD_NAME", "spark-pi-exec-1"));
    // Options in the order of their index, 10 after 2.
    env.putAll(Map.of("SPARK_JAVA_OPT_0", "-Dspark.driver.port=7078", "SPARK_JAVA_OPT_1", "-Dwith space=a b",
        "SPARK_JAVA_OPT_10", "-Dten", "SPARK_JAVA_OPT_2", "-Dtwo"));

    var run = entrypoint(version, env, "executor");

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).containsExactly("/jdk/bin/java",
        "-Dspark.driver.port=7078", "-Dwith space=a b", "-Dtwo", "-Dten",
        "-Xms1024m", "-Xmx1024m",
        "-cp", "/opt/spark/conf:" + sparkHome + "/jars/*:" + work,
        "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend",
        "--driver-url", "spark://CoarseGrainedScheduler@spark-pi-driver-svc.default.svc:7078",
        "--executor-id", "1", "--cores", "1", "--app-id", "spark-0123", "--hostname", "127.0.0.3",
        "--resourceProfileId", "0", "--podName", "spark-pi-exec-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5.6", "4.0.2", "4.1.0"})
  void driverRunsSparkSubmitInClientModeAsSparksLauncherWould(String version) throws Exception {
    var sparkHome = sparkHome(version);
    var conf = Files.createDirectories(work.resolve("conf"));
    var properties = sparkProperties(conf, Map.of("spark.driver.memory", "2g",
        "spark.driver.extraJavaOptions", "-Dfoo=bar -Dquoted=\"a b\"", "spark.app.name", "spark-pi",
        "spark.kubernetes.driver.master", "https://kubernetes.default.svc:443"));
    var env = baseEnv(version);
    env.putAll(Map.of("SPARK_DRIVER_BIND_ADDRESS", "127.0.0.2", "SPARK_CONF_DIR", conf.toString()));
    var resource = "local:///opt/spark/examples/jars/" + SparkRelease.of(version).examplesJarName();

    var run = entrypoint(version, env, "driver", "--properties-file", properties.toString(),
        "--class", "org.apache.spark.examples.SparkPi", resource, "100");

    assertThat(run.exit).as(run.err).isZero();
    var expected = new ArrayList<>(List.of("/jdk/bin/java", "-cp", conf + ":" + sparkHome + "/jars/*",
        "-Xmx2g", "-Dfoo=bar", "-Dquoted=a b"));
    expected.addAll(launcherOptions(SparkRelease.of(version)));
    expected.addAll(List.of("org.apache.spark.deploy.SparkSubmit",
        "--conf", "spark.driver.bindAddress=127.0.0.2",
        "--conf", "spark.executorEnv.SPARK_DRIVER_POD_IP=127.0.0.2",
        "--deploy-mode", "client",
        "--properties-file", properties.toString(), "--class", "org.apache.spark.examples.SparkPi", resource, "100"));
    assertThat(run.out).containsExactlyElementsOf(expected);
  }

  @Test
  void launcherFlagsAreThoseOfEachRelease() throws Exception {
    var flags35 = launcherOptions(SparkRelease.of("3.5.6"));
    var flags41 = launcherOptions(SparkRelease.of("4.1.0"));

    assertThat(flags35).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false")
        .doesNotContain("-Dderby.connection.requireAuthentication=false", "--enable-native-access=ALL-UNNAMED");
    assertThat(flags41).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED")
        .endsWith("-Dderby.connection.requireAuthentication=false");
  }

  @Test
  void driverMemoryFollowsTheLaunchersPrecedence() throws Exception {
    var conf = Files.createDirectories(work.resolve("conf"));
    var properties = sparkProperties(conf, Map.of("spark.driver.memory", "2g"));
    var env = baseEnv("4.0.2");
    env.put("SPARK_CONF_DIR", conf.toString());

    assertThat(heap(entrypoint("4.0.2", env, "driver", "--class", "A", "app.jar"))).isEqualTo("-Xmx1g");
    env.put("SPARK_DRIVER_MEMORY", "3g");
    assertThat(heap(entrypoint("4.0.2", env, "driver", "--class", "A", "app.jar"))).isEqualTo("-Xmx3g");
    assertThat(heap(entrypoint("4.0.2", env, "driver", "--properties-file", properties.toString(), "app.jar")))
        .isEqualTo("-Xmx2g");
    assertThat(heap(entrypoint("4.0.2", env, "driver", "--properties-file", properties.toString(),
        "--conf", "spark.driver.memory=5g", "app.jar"))).isEqualTo("-Xmx5g");
    assertThat(heap(entrypoint("4.0.2", env, "driver", "--driver-memory", "6g", "app.jar"))).isEqualTo("-Xmx6g");
  }

  @Test
  void driverRefusesAHeapSetThroughJavaOptions() throws Exception {
    var run = entrypoint("3.5.6", baseEnv("3.5.6"), "driver", "--conf", "spark.driver.extraJavaOptions=-Xmx4g",
        "app.jar");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("Not allowed to specify max heap(Xmx) memory settings through java options");
  }

  @Test
  void pythonApplicationsFailSayingLocalImagesRunJvmJobsOnly() throws Exception {
    var run = entrypoint("4.0.2", baseEnv("4.0.2"), "driver", "--properties-file", "/opt/spark/conf/spark.properties",
        "--class", "org.apache.spark.deploy.PythonRunner", "local:///opt/spark/examples/src/main/python/pi.py", "10");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("this local image runs JVM applications only,"
        + " not local:///opt/spark/examples/src/main/python/pi.py: PySpark and SparkR are not on Maven Central");
  }

  @Test
  void anyOtherCommandRunsAsGiven() throws Exception {
    var env = baseEnv("3.5.6");
    env.remove("SPARKUBE_ENTRYPOINT_DRY_RUN");

    var run = entrypoint("3.5.6", env, "bash", "-c", "echo \"hello from $SPARK_HOME\"; exit 3");

    assertThat(run.exit).isEqualTo(3);
    assertThat(run.out).containsExactly("hello from " + sparkHome("3.5.6"));
  }

  private record Run(int exit, List<String> out, String err) {}

  private Run entrypoint(String version, Map<String, String> env, String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add("/bin/bash");
    command.add(SparkImageLayout.of(images, SparkRelease.of(version)).inRoot(SparkImageLayout.ENTRYPOINT).toString());
    command.addAll(Arrays.asList(args));
    var builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    var out = work.resolve("out");
    var err = work.resolve("err");
    var process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readAllLines(out), Files.readString(err));
  }

  private Map<String, String> baseEnv(String version) {
    var env = new HashMap<String, String>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("SPARK_HOME", sparkHome(version));
    env.put("JAVA_HOME", "/jdk");
    env.put("SPARKUBE_ENTRYPOINT_DRY_RUN", "1");
    return env;
  }

  private static String heap(Run run) {
    assertThat(run.exit).as(run.err).isZero();
    return run.out.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElseThrow();
  }

  private static String sparkHome(String version) {
    return SparkImageLayout.of(images, SparkRelease.of(version)).inRoot(SparkImageLayout.SPARK_HOME).toString();
  }

  /** A properties file as Spark's client writes it into the driver's ConfigMap (Properties.store). */
  static Path sparkProperties(Path conf, Map<String, String> values) throws IOException {
    var properties = new Properties();
    properties.putAll(values);
    var text = new StringWriter();
    properties.store(text, "Java properties built from Kubernetes config map with name: spark-drv-conf-map");
    return Files.writeString(conf.resolve("spark.properties"), text.toString());
  }

  /** Read independently of the image: JavaModuleOptions of the release's launcher jar, then Derby's flag on 4.x. */
  private static List<String> launcherOptions(SparkRelease release) throws Exception {
    var jar = TestingSparkJars.runtimeJars(release)
        .resolve("spark-launcher_" + release.scalaBinaryVersion() + "-" + release.version() + ".jar");
    try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      var options = new ArrayList<>(List.of(((String) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
          .getMethod("defaultModuleOptions").invoke(null)).split(" ")));
      if (!release.line().equals("3.5")) {
        options.add("-Dderby.connection.requireAuthentication=false");
      }
      return options;
    }
  }

  private static Path writeExamples() {
    try {
      return TestingSparkJars.examplesJar(images, "examples");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
