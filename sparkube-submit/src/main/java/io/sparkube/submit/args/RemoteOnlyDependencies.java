package io.sparkube.submit.args;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.staging.StagingSubmitKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses dependencies Sparkube cannot ship. Spark's client uploads local files (file: or a plain
 * path) to spark.kubernetes.file.upload.path through Hadoop; Sparkube uploads them to its staging
 * server when one is set, and otherwise accepts only local:// and remote URIs. It also
 * refuses glob patterns on Hadoop file systems, which spark-submit would expand by listing them.
 */
final class RemoteOnlyDependencies {
  private static final List<String> DEPENDENCY_KEYS =
      List.of("spark.jars", "spark.files", "spark.archives", "spark.submit.pyFiles");
  // Schemes spark-submit does not glob (DependencyUtils.resolveGlobPath).
  private static final Set<String> NOT_GLOBBED = Set.of("local", "http", "https", "ftp");
  private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

  private RemoteOnlyDependencies() {}

  static void check(Conf conf, PrimaryResource primary) {
    boolean staged = conf.contains(StagingSubmitKeys.URI);
    if (!primary.isInternal()) {
      checkOne("the primary resource", primary.uri(), staged);
    }
    for (var key : DEPENDENCY_KEYS) {
      conf.raw(key).ifPresent(list -> Uris.splitTrimmed(list).forEach(uri -> checkOne(key, uri, staged)));
    }
  }

  private static void checkOne(String where, String uri, boolean staged) {
    var scheme = schemeOf(uri);
    if (scheme == null || (scheme.equals("file") && !staged)) {
      throw SparkubeException.invalidConfig(
          where + " " + uri + " is on this machine and no staging server is set to upload it to; set "
              + StagingSubmitKeys.URI.key() + " and " + StagingSubmitKeys.TOKEN_FILE.key() + " (see sparkube staging),"
              + " use local://<path> for a file inside the image, or a remote URI (https://, s3a://, gs://, abfss://)");
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
