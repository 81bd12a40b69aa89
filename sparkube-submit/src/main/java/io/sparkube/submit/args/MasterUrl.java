package io.sparkube.submit.args;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A k8s:// master URL normalised as SparkSubmit stores it in spark.master
 * (Utils.checkAndGetK8sMasterUrl): "k8s://host:port" becomes "k8s://https://host:port"; an
 * explicit http or https scheme is kept as written.
 */
final class MasterUrl {
  private static final String PREFIX = "k8s://";

  private MasterUrl() {}

  static String normalise(String master) {
    if (!master.startsWith(PREFIX)) {
      throw unknown(master);
    }
    var rest = master.substring(PREFIX.length());
    if (!rest.contains("://")) {
      return PREFIX + "https://" + rest;
    }
    String scheme;
    try {
      scheme = new URI(rest).getScheme();
    } catch (URISyntaxException e) {
      throw unknown(master);
    }
    if (scheme == null) {
      throw unknown(master);
    }
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "https", "http" -> PREFIX + rest;
      default -> throw unknown(master);
    };
  }

  private static SparkubeException unknown(String master) {
    return new SparkubeException(Failure.UNKNOWN_MASTER,
        "master " + master + " is not a Kubernetes master; use --master k8s://https://<api-server>:<port>"
            + " (or leave --master out to use the kubeconfig's cluster)");
  }
}
