package io.sparkube.jobruns.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeysTest {
  @TempDir
  Path dir;

  @Test
  void eachLineIsAKeyItsSecretAndOptionallyItsArn() throws Exception {
    var file = Files.writeString(dir.resolve("keys"), "# keys\n\nAKIAONE=secret/one+x arn:aws:iam::1:user/one\n"
        + "  AKIATWO = secret-two  \n");

    var keys = AccessKeys.read(file, "k", "123456789012");

    assertThat(keys.find("AKIAONE")).hasValueSatisfying(k -> {
      assertThat(k.secretAccessKey()).isEqualTo("secret/one+x");
      assertThat(k.arn()).isEqualTo("arn:aws:iam::1:user/one");
    });
    assertThat(keys.find("AKIATWO").orElseThrow().arn()).isEqualTo("arn:aws:iam::123456789012:user/AKIATWO");
    assertThat(keys.find("AKIATHREE")).isEmpty();
    assertThat(keys.find("AKIAONE").orElseThrow().toString()).doesNotContain("secret");
  }

  @Test
  void aBadLineIsNamedByNumberWithoutShowingItsSecret() throws Exception {
    var file = Files.writeString(dir.resolve("keys"), "AKIAONE=s3cr3t\nAKIA/TWO=hunter2 extra words\n");

    assertThatThrownBy(() -> AccessKeys.read(file, "sparkube.jobruns.accessKeysFile", "123456789012"))
        .hasMessageContaining("line 2 is not '<accessKeyId>=<secretAccessKey> [<arn>]'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void anEmptyFileOrATwiceListedKeyIsRefused() throws Exception {
    var empty = Files.writeString(dir.resolve("empty"), "# nothing\n");
    var twice = Files.writeString(dir.resolve("twice"), "AKIAONE=a\nAKIAONE=b\n");

    assertThatThrownBy(() -> AccessKeys.read(empty, "k", "1")).hasMessageContaining("holds no access keys");
    assertThatThrownBy(() -> AccessKeys.read(twice, "k", "1")).hasMessageContaining("lists access key AKIAONE twice");
    assertThatThrownBy(() -> AccessKeys.read(dir.resolve("none"), "k", "1")).hasMessageContaining("cannot be read");
  }
}
