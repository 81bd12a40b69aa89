package io.sparkube.submit.args;

import io.sparkube.submit.RecordingReporter;
import static io.sparkube.submit.args.Submissions.CLOCK;
import static io.sparkube.submit.args.Submissions.argv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark-submit's order: flags, then --conf, then --properties-file, then spark-defaults.conf. */
class PropertiesPrecedenceTest {
  private static final String JAR = "local:///opt/app.jar";

  @TempDir Path dir;
  private Path confDir;
  private final RecordingReporter reporter = new RecordingReporter();

  @BeforeEach
  void writeFiles() throws IOException {
    confDir = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(confDir.resolve("spark-defaults.conf"), """
        spark.executor.memory   1g
        spark.from.defaults     d
        spark.shared            defaults
        """);
    Files.writeString(dir.resolve("job.properties"), """
        spark.shared = file
        spark.from.file = f\\t
        spark.trimmed =   padded\\u0020value\\u0020\\u0020
        spark.escaped.newline = end\\n
        not.spark = dropped
        """);
  }

  private Conf conf(Map<String, String> env, String... flags) {
    var all = new ArrayList<>(List.of(flags));
    all.addAll(List.of("--class", "Main", JAR));
    return new SparkSubmitParser(reporter, CLOCK)
        .parse(argv(all.toArray(String[]::new)), new SubmitEnvironment(env, "alice", dir))
        .request().conf();
  }

  @Test
  void defaultsFileIsReadFromSparkConfDirWhenNoFileIsGiven() {
    var conf = conf(Map.of("SPARK_CONF_DIR", confDir.toString()), "--conf", "spark.shared=conf");

    assertThat(conf.raw("spark.from.defaults")).contains("d");
    assertThat(conf.raw("spark.shared")).contains("conf");
    assertThat(conf.raw("spark.executor.memory")).contains("1g");
  }

  @Test
  void defaultsFileIsReadFromSparkHomeToo() {
    assertThat(conf(Map.of("SPARK_HOME", dir.toString())).raw("spark.from.defaults")).contains("d");
  }

  @Test
  void aSetSparkConfDirWithoutTheFileDoesNotFallBackToSparkHome() {
    var conf = conf(Map.of("SPARK_CONF_DIR", dir.resolve("empty").toString(), "SPARK_HOME", dir.toString()));

    assertThat(conf.containsRaw("spark.from.defaults")).isFalse();
  }

  @Test
  void aGivenPropertiesFileReplacesTheDefaultsFile() {
    var conf = conf(Map.of("SPARK_CONF_DIR", confDir.toString()), "--properties-file", "job.properties");

    assertThat(conf.raw("spark.shared")).contains("file");
    assertThat(conf.containsRaw("spark.from.defaults")).isFalse();
  }

  @Test
  void loadSparkDefaultsReadsBothWithTheGivenFileFirst() {
    var conf = conf(Map.of("SPARK_CONF_DIR", confDir.toString()),
        "--properties-file", "job.properties", "--load-spark-defaults");

    assertThat(conf.raw("spark.shared")).contains("file");
    assertThat(conf.raw("spark.from.defaults")).contains("d");
  }

  @Test
  void confBeatsTheFileAndFlagsBeatBoth() {
    var conf = conf(Map.of("SPARK_CONF_DIR", confDir.toString()), "--properties-file", "job.properties",
        "--load-spark-defaults", "--conf", "spark.shared=conf", "--executor-memory", "6g");

    assertThat(conf.raw("spark.shared")).contains("conf");
    assertThat(conf.raw("spark.executor.memory")).contains("6g");
  }

  @Test
  void valuesAreTrimmedExceptForEscapedLineBreaks() {
    var conf = conf(Map.of(), "--properties-file", "job.properties");

    assertThat(conf.raw("spark.from.file")).contains("f");
    assertThat(conf.raw("spark.trimmed")).contains("padded value");
    assertThat(conf.raw("spark.escaped.newline")).contains("end\n");
  }

  @Test
  void nonSparkKeysAreDroppedWithAWarning() {
    var conf = conf(Map.of(), "--properties-file", "job.properties", "--conf", "other=x");

    assertThat(conf.containsRaw("not.spark")).isFalse();
    assertThat(conf.containsRaw("other")).isFalse();
    assertThat(reporter.warnings).anySatisfy(w -> assertThat(w).contains("not.spark"))
        .anySatisfy(w -> assertThat(w).contains("other"));
  }

  @Test
  void aMissingPropertiesFileIsInvalid() {
    assertThatThrownBy(() -> conf(Map.of(), "--properties-file", "nope.properties"))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("nope.properties does not exist")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.INVALID_CONFIG));
  }

  @Test
  void trimKeepsLineBreaksButDropsOtherControlCharacters() {
    assertThat(PropertiesFiles.trimExceptLineBreaks("\t a b \u0001")).isEqualTo("a b");
    assertThat(PropertiesFiles.trimExceptLineBreaks("\n x \r")).isEqualTo("\n x \r");
    assertThat(PropertiesFiles.trimExceptLineBreaks("   ")).isEmpty();
  }
}
