package io.sparkube.submit.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.SparkubeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitParametersTest {
  @Test
  void splitsAsAShellDoes() {
    assertThat(SubmitParameters.split("  --conf spark.a=1\t--conf 'spark.b=two words' --name \"x \\\"y\\\"\" a\\ b "))
        .containsExactly("--conf", "spark.a=1", "--conf", "spark.b=two words", "--name", "x \"y\"", "a b");
    assertThat(SubmitParameters.split("--conf spark.c='' ''")).containsExactly("--conf", "spark.c=", "");
    assertThat(SubmitParameters.split("   ")).isEmpty();
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThatThrownBy(() -> SubmitParameters.split("--conf 'spark.a=1"))
        .isInstanceOf(SparkubeException.class).hasMessageContaining("unclosed ' quote");
  }

  @Test
  void flagsThatReadServerFilesOrPickTheClusterAreRefused() {
    for (var word : List.of("--properties-file", "--kubeconfig=/root/.kube/config", "--master", "--deploy-mode",
        "--kill", "--status", "--context", "--keytab")) {
      assertThatThrownBy(() -> SubmitParameters.requireServerSafe(List.of("--conf", "a=b", word, "x")))
          .isInstanceOf(SparkubeException.class).hasMessageContaining("cannot be used in sparkSubmitParameters");
    }
    SubmitParameters.requireServerSafe(List.of("--conf", "spark.a=1", "--class", "Main", "--jars", "s3a://b/x.jar",
        "--identity", "none"));
  }
}
