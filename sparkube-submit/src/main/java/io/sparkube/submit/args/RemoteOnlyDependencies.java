package io.sparkube.submit.args;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses dependencies Sparkube cannot ship: URIs that do not parse, and glob patterns on Hadoop
 * file systems, which spark-submit would expand by listing them. Local files (file: or a plain
 * path) are checked later, once it is known which staging server, if any, will take them (see
 * {@link io.sparkube.submit.staging.LocalFiles}).
 */
final class RemoteOnlyDependencies {
  private static final List<String> DEPENDENCY_KEYS =
      List.of("spark.jars", "spark.files", "spark.archives", "spark.submit.pyFiles");
  // Schemes spark-submit does not glob (DependencyUtils.resolveGlobPath).
  private static final Set<String> NOT_GLOBBED = Set.of("local", "http", "https", "ftp");
  private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

  private RemoteOnlyDependencies() {}

  static void check(Conf conf, PrimaryResource primary) {
    if (!primary.isInternal()) {
      checkOne("the primary resource", primary.uri());
    }
    for (var key : DEPENDENCY_KEYS) {
      conf.raw(key).ifPresent(list -> Uris.splitTrimmed(list).forEach(uri -> checkOne(key, uri)));
    }
  }

  private static void checkOne(String where, String uri) {
    var scheme = schemeOf(uri);
    if (scheme == null) {
      throw SparkubeException.invalidConfig(where + " " + uri + " is not a URI; give a path, local://<path> for a"
          + " file inside the image, or a remote URI (https://, s3a://, gs://, abfss://)");
    }
    if (!NOT_GLOBBED.contains(scheme) && GLOB.matcher(uri).find()) {
      throw SparkubeException.invalidConfig(
          where + " " + uri + " is a glob pattern, which Sparkube does not expand; list the files one by one");
    }
  }

  private static String schemeOf(String uri) {
    try {
      return new URI(uri).getScheme();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
