package io.sparkube.jobruns.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding as SigV4 defines it (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are), and
 * the decoding that matches it: '+' is a plus, not a space, since AWS clients encode a space as %20.
 */
public final class PercentEncoding {
  private PercentEncoding() {}

  /** @param keepSlash true for paths, whose '/' separate segments */
  public static String encode(String text, boolean keepSlash) {
    var out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~' || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The decoded name and value pairs of a raw query string, in the order sent; a name alone has value "". */
  public static List<Map.Entry<String, String>> parameters(String rawQuery) {
    var pairs = new ArrayList<Map.Entry<String, String>>();
    if (rawQuery == null) {
      return pairs;
    }
    for (var part : rawQuery.split("&")) {
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        var name = eq < 0 ? part : part.substring(0, eq);
        pairs.add(Map.entry(decode(name), eq < 0 ? "" : decode(part.substring(eq + 1))));
      }
    }
    return pairs;
  }

  /** A '%' not followed by two hex digits stays as it is. */
  public static String decode(String text) {
    var out = new ByteArrayOutputStream();
    var bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
