package io.sparkube.submit.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionIdTest {

  @Test
  void namespaceAndName() {
    var id = SubmissionId.parse("jobs:pi-driver");
    assertThat(id).isEqualTo(new SubmissionId(Optional.of("jobs"), "pi-driver"));
    assertThat(id.isGlob()).isFalse();
    assertThat(id.matches("pi-driver")).isTrue();
    assertThat(id.matches("pi-driver-2")).isFalse();
  }

  @Test
  void bareNameUsesTheDefaultNamespace() {
    var id = SubmissionId.parse("pi-driver");
    assertThat(id.namespace()).isEmpty();
    assertThat(id.namespaceOr("default")).isEqualTo("default");
  }

  @Test
  void trailingStarIsAPrefixGlobAsInSpark() {
    var id = SubmissionId.parse("jobs:pi-*");
    assertThat(id.isGlob()).isTrue();
    assertThat(id.matches("pi-123-driver")).isTrue();
    assertThat(id.matches("wordcount-driver")).isFalse();
    assertThat(SubmissionId.parse("*").matches("anything")).isTrue();
  }

  @Test
  void starElsewhereIsPartOfTheName() {
    var id = SubmissionId.parse("pi*driver");
    assertThat(id.isGlob()).isFalse();
    assertThat(id.matches("pi-driver")).isFalse();
  }

  @Test
  void onlyTheFirstColonSeparates() {
    assertThat(SubmissionId.parse("a:b:c")).isEqualTo(new SubmissionId(Optional.of("a"), "b:c"));
  }

  @Test
  void emptyPartsAreRejected() {
    for (var bad : new String[] {"", "jobs:", ":pi-driver"}) {
      assertThatThrownBy(() -> SubmissionId.parse(bad))
          .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNKNOWN_FLAG));
    }
  }
}
