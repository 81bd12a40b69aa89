package io.sparkube.staging.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "../x", "a/b", "a\\b", "a..b", "a\u0000b", "a\nb", "a\u007fb"})
  void unsafeNamesAreRefused(String name) {
    assertThatThrownBy(() -> new FileName(name)).isInstanceOfSatisfying(StagingException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST)).hasMessageContaining("use a plain file name");
  }

  @Test
  void namesAreLimitedTo255Bytes() {
    assertThat(new FileName("a".repeat(255)).value()).hasSize(255);
    assertThatThrownBy(() -> new FileName("a".repeat(256))).isInstanceOf(StagingException.class);
    // 128 two-byte characters are 256 bytes.
    assertThatThrownBy(() -> new FileName("é".repeat(128))).isInstanceOf(StagingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.jar", "my app (1).jar", "ünïcödé–名前.zip", "a+b=c&d?e#f%g.txt", "~tilde_-.x"})
  void encodingRoundTrips(String name) {
    var encoded = new FileName(name).urlEncoded();

    assertThat(encoded).matches("[A-Za-z0-9._~%-]+");
    assertThat(FileName.fromUrlSegment(encoded).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%2", "%zz", "%c0%ae", "%ff", "caf\u00e9", "%2e%2e", "a%2fb", "%00"})
  void badSegmentsAreRefused(String segment) {
    assertThatThrownBy(() -> FileName.fromUrlSegment(segment)).isInstanceOf(StagingException.class);
  }
}
