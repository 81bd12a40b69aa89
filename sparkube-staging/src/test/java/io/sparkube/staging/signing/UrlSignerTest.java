package io.sparkube.staging.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.store.Sha256;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlSignerTest {
  static final Sha256 SHA = new Sha256("a".repeat(64));
  static final Sha256 OTHER = new Sha256("b".repeat(64));
  static final FileName NAME = new FileName("app.jar");
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final long EXPIRES = NOW.getEpochSecond() + 60;

  @TempDir
  Path dir;

  UrlSigner signer() throws Exception {
    return new UrlSigner(SigningKey.read(SecretFiles.createSigningKey(dir.resolve("key")), "k"));
  }

  private static void assertForbidden(Runnable check, String message) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(StagingException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN)).hasMessageContaining(message);
  }

  @Test
  void aSignatureChecksOutForExactlyWhatItSigned() throws Exception {
    var signer = signer();
    var signature = signer.sign(SHA, NAME, EXPIRES);

    assertThatCode(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), signature, NOW)).doesNotThrowAnyException();
    assertForbidden(() -> signer.verify(OTHER, NAME, Long.toString(EXPIRES), signature, NOW), "does not match");
    assertForbidden(() -> signer.verify(SHA, new FileName("app2.jar"), Long.toString(EXPIRES), signature, NOW),
        "does not match");
    assertForbidden(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES + 1), signature, NOW), "does not match");
    assertForbidden(() -> signer.verify(SHA, NAME, "x" + EXPIRES, signature, NOW), "does not match");
    var flipped = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
    assertForbidden(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), flipped, NOW), "does not match");
    assertForbidden(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), "", NOW), "does not match");
    assertForbidden(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), "!!!", NOW), "does not match");
  }

  @Test
  void anExpiredSignatureIsRefusedNamingTheSetting() throws Exception {
    var signer = signer();
    var signature = signer.sign(SHA, NAME, EXPIRES);

    assertThatCode(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), signature, NOW.plusSeconds(60)))
        .doesNotThrowAnyException();
    assertForbidden(() -> signer.verify(SHA, NAME, Long.toString(EXPIRES), signature, NOW.plusSeconds(61)),
        "sparkube.staging.urlTtl");
  }

  @Test
  void anotherKeysSignatureIsRefused() throws Exception {
    var signature = signer().sign(SHA, NAME, EXPIRES);
    var other = new UrlSigner(SigningKey.read(SecretFiles.createSigningKey(dir.resolve("other")), "k"));

    assertForbidden(() -> other.verify(SHA, NAME, Long.toString(EXPIRES), signature, NOW), "does not match");
  }

  @Test
  void aMissingOrWeakKeyFailsWithHowToMakeOne() throws Exception {
    assertThatThrownBy(() -> SigningKey.read(dir.resolve("none"), "sparkube.staging.signingKeyFile"))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("sparkube.staging.signingKeyFile=").hasMessageContaining("head -c 32 /dev/urandom");
    Files.writeString(dir.resolve("short"), "c2hvcnQ=\n");
    assertThatThrownBy(() -> SigningKey.read(dir.resolve("short"), "k")).hasMessageContaining("fewer than 32");
    Files.writeString(dir.resolve("junk"), "not base64 at all!\n");
    assertThatThrownBy(() -> SigningKey.read(dir.resolve("junk"), "k")).hasMessageContaining("base64");
  }

  @Test
  void secretFilesAreOwnerOnlyAndNeverReplaced() throws Exception {
    var key = SecretFiles.createSigningKey(dir.resolve("key"));

    assertThat(Files.getPosixFilePermissions(key)).extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    assertThatThrownBy(() -> SecretFiles.createSigningKey(key)).isInstanceOf(FileAlreadyExistsException.class);
  }
}
