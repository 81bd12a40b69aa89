package io.sparkube.submit.driver;

import java.net.URI;
import java.net.URISyntaxException;

/** Whether a dependency lives on the submitting machine (no scheme, or file:), as Spark decides it. */
public final class LocalUris {
  private LocalUris() {}

  public static boolean isLocal(String uri) {
    if ("spark-internal".equals(uri)) {
      return false;
    }
    try {
      var scheme = new URI(uri).getScheme();
      return scheme == null || scheme.equals("file");
    } catch (URISyntaxException e) {
      // Spark falls back to treating an unparsable string as a local path.
      return true;
    }
  }
}
