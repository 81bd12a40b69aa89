package io.sparkube.submit.kube;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns spark-submit's {@code k8s://[http[s]://]host[:port]} into the API server's URL. */
public final class MasterUrl {
  private static final String PREFIX = "k8s://";

  private MasterUrl() {}

  /** The API server URL; https when no scheme is given, as spark-submit assumes. */
  public static String parse(String master) {
    if (!master.startsWith(PREFIX)) {
      throw unknown(master, "it must start with k8s://");
    }
    var rest = master.substring(PREFIX.length());
    var url = rest.contains("://") ? rest : "https://" + rest;
    try {
      var uri = new URI(url);
      var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw unknown(master, "the scheme must be https or http, not " + scheme);
      }
      if (uri.getHost() == null) {
        throw unknown(master, "it names no host");
      }
      return url;
    } catch (URISyntaxException e) {
      throw unknown(master, e.getReason());
    }
  }

  /**
   * The master as spark-submit stores it in spark.master: {@code k8s://https://host:port} when no
   * scheme was given, otherwise unchanged (scheme case included).
   */
  public static String normalise(String master) {
    var url = parse(master);
    return PREFIX + url;
  }

  private static SparkubeException unknown(String master, String why) {
    return new SparkubeException(Failure.UNKNOWN_MASTER, "master URL " + master + " is not valid ("
        + why + "); use --master k8s://https://<api-server-host>:<port>");
  }
}
