package io.sparkube.staging.store;

import io.sparkube.staging.error.Shown;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A blob's name: its SHA-256 as 64 lower-case hex digits. Nothing else passes, so a name taken
 * from a request can become a file name with no way to climb out of the store.
 */
public record Sha256(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new StagingException(Problem.BAD_REQUEST, "\"" + Shown.text(hex) + "\" is not a sha256;"
          + " name a blob by the 64 lower-case hex digits of its SHA-256");
    }
  }

  public static Sha256 of(byte[] digest) {
    return new Sha256(HexFormat.of().formatHex(digest));
  }

  public static boolean isValid(String hex) {
    return hex != null && HEX.matcher(hex).matches();
  }

  @Override
  public String toString() {
    return hex;
  }
}
