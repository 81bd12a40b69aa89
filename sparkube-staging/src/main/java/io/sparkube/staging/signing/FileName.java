package io.sparkube.staging.signing;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The name a downloaded file takes in a pod: the last segment of its URL, which Spark's fetch
 * uses as the local file name. It names no path on the server (blobs are found by hash), and is
 * kept to one harmless segment so it cannot name one in the pod either.
 */
public record FileName(String value) {
  private static final int MAX_BYTES = 255;
  private static final String RULE = "use a plain file name such as app.jar: no '/', '\\\\', '..' or control"
      + " characters, at most 255 bytes";

  public FileName {
    if (value == null || value.isEmpty() || value.equals(".") || value.contains("..") || value.indexOf('/') >= 0
        || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> Character.isISOControl(c))
        || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new StagingException(Problem.BAD_REQUEST, "file name \"" + printable(value) + "\" is not valid; " + RULE);
    }
  }

  /** Decodes one percent-encoded URL path segment; malformed escapes or UTF-8 are refused, never guessed. */
  public static FileName fromUrlSegment(String raw) {
    var bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw malformed(raw);
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw malformed(raw);
      }
    }
    try {
      var decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
      return new FileName(decoded.toString());
    } catch (CharacterCodingException e) {
      throw malformed(raw);
    }
  }

  /** The name as one URL path segment: every byte but RFC 3986's unreserved characters escaped. */
  public String urlEncoded() {
    var out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static StagingException malformed(String raw) {
    return new StagingException(Problem.BAD_REQUEST, "file name segment \"" + printable(raw) + "\" is not valid"
        + " percent-encoded UTF-8; " + RULE);
  }

  private static String printable(String raw) {
    if (raw == null) {
      return "";
    }
    var shown = raw.replaceAll("\\p{Cntrl}", "?");
    return shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    return value;
  }
}
