package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitParametersTest {
  static final String JAR = "s3a://bucket/app.jar";

  final SubmitParameters parameters = new SubmitParameters(Clock.systemUTC());

  @Test
  void theSettingsAreWhatSparkSubmitWouldGiveSpark() {
    var conf = parameters.check("--class x.Main --num-executors 3 --conf 'spark.driver.extraJavaOptions=-Da=1 -Db=2'"
        + " --jars s3a://bucket/lib.jar", JAR, List.of("--input", "s3a://bucket/in"),
        Map.of("spark.executor.memory", "4g"));

    assertThat(conf.raw("spark.executor.instances")).hasValue("3");
    assertThat(conf.raw("spark.driver.extraJavaOptions")).hasValue("-Da=1 -Db=2");
    assertThat(conf.raw("spark.executor.memory")).hasValue("4g");
    assertThat(conf.raw("spark.jars")).hasValue("s3a://bucket/lib.jar," + JAR);
  }

  @Test
  void noParametersAtAllIsFineForAPythonEntryPoint() {
    assertThat(parameters.check(null, "s3a://bucket/job.py", List.of(), Map.of()).raw("spark.submit.deployMode"))
        .hasValue("cluster");
  }

  @Test
  void refusalsCarryTheParsersOwnMessage() {
    assertThatThrownBy(() -> parameters.check("--clas x.Main", JAR, List.of(), Map.of()))
        .hasMessage("sparkSubmitParameters: unknown flag --clas; did you mean --class? (flags go before the"
            + " primary resource; see sparkube submit --help)");
    assertThatThrownBy(() -> parameters.check("--class x.Main --executor-memory lots", JAR, List.of(), Map.of()))
        .hasMessageContaining("executor memory 'lots' must be a positive size");
    assertThatThrownBy(() -> parameters.check("--class x.Main --supervise", JAR, List.of(), Map.of()))
        .hasMessageContaining("--supervise applies to standalone clusters only");
  }

  @Test
  void flagsThatWouldReadTheServersFilesOrOverruleTheControlPlaneAreRefused() {
    for (var flag : List.of("--properties-file=/etc/shadow", "--kubeconfig /root/.kube/config", "--spark-version 3.4",
        "--dry-run", "-h")) {
      assertThatThrownBy(() -> parameters.check("--class x.Main " + flag, JAR, List.of(), Map.of()))
          .as(flag).hasMessageMatching(".*(is not accepted in a job run|cannot be used in sparkSubmitParameters).*");
    }
  }

  @Test
  void aStrayArgumentCannotShiftTheEntryPoint() {
    assertThatThrownBy(() -> parameters.check("--class x.Main evil.jar", JAR, List.of("1"), Map.of()))
        .hasMessageContaining("neither a flag nor a flag's value");
  }
}
