package io.sparkube.submit.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UrisTest {
  private final Uris uris = new Uris(Path.of("/work"));

  @Test
  void pathsBecomeFileUrisAgainstTheWorkingDirectory() {
    assertThat(uris.resolve("lib/a.jar")).hasToString("file:/work/lib/a.jar");
    assertThat(uris.resolve("/opt/a.jar")).hasToString("file:/opt/a.jar");
    assertThat(uris.resolve("my file.txt")).hasToString("file:/work/my%20file.txt");
    assertThat(uris.resolve("data.zip#data")).hasToString("file:/work/data.zip#data");
  }

  @Test
  void urisWithASchemeAreKept() {
    assertThat(uris.resolve("local:///opt/a.jar")).hasToString("local:///opt/a.jar");
    assertThat(uris.resolve("s3a://bucket/a.jar")).hasToString("s3a://bucket/a.jar");
  }

  @Test
  void listsDropBlanksButNotSpacesAsSparkDoes() {
    assertThat(uris.resolveList("local:///a,,local:///b")).isEqualTo("local:///a,local:///b");
    assertThat(uris.resolveList(" ")).isEmpty();
  }

  @Test
  void normalisedListsAreTrimmedAndKeepFragments() {
    assertThat(uris.normaliseList(" https://x/a.tgz#env , local:///b.jar"))
        .isEqualTo("https://x/a.tgz#env,local:///b.jar");
  }
}
