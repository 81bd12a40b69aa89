package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.model.config.Conf;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Settings a job run may not choose, because the control plane does: where it runs (master,
 * namespace), who it runs as (identity, ServiceAccounts, API credentials), and files on the machine
 * that submits it, which in a job run is the operator's, not the caller's.
 */
public final class ReservedSettings {
  private static final List<String> RESERVED_KEYS = List.of("spark.master", "spark.kubernetes.namespace",
      "spark.sparkube.identity", "spark.sparkube.identity.injection", "spark.sparkube.rbac.create");
  /** Credentials for the API server and the ServiceAccounts: an identity by another door. */
  private static final String RESERVED_PREFIX = "spark.kubernetes.authenticate.";
  private static final List<String> URI_LISTS =
      List.of("spark.jars", "spark.files", "spark.archives", "spark.submit.pyFiles");
  /** Files the submitting side reads itself. */
  private static final List<String> URI_KEYS = List.of("spark.kubernetes.driver.podTemplateFile",
      "spark.kubernetes.executor.podTemplateFile", "spark.kubernetes.kerberos.krb5.path", "spark.kerberos.keytab");
  /** spark-submit's name for "the main class is already in the image". */
  private static final String SPARK_INTERNAL = "spark-internal";

  private ReservedSettings() {}

  public static void check(Conf conf, String entryPoint) {
    for (var key : conf.asMap().keySet()) {
      if (RESERVED_KEYS.contains(key) || key.startsWith(RESERVED_PREFIX)) {
        throw ApiException.validation(key + " cannot be set in a job run: the virtual cluster decides where a"
            + " run goes, and executionRoleArn who it runs as; remove it");
      }
    }
    if (!entryPoint.equals(SPARK_INTERNAL)) {
      remote("entryPoint", entryPoint);
    }
    for (var key : URI_LISTS) {
      conf.raw(key).ifPresent(list -> {
        for (var uri : list.split(",")) {
          if (!uri.isBlank()) {
            remote(key, uri.strip());
          }
        }
      });
    }
    URI_KEYS.forEach(key -> conf.raw(key).ifPresent(uri -> remote(key, uri.strip())));
  }

  private static void remote(String where, String uri) {
    var scheme = scheme(uri);
    if (scheme.isEmpty() || scheme.get().equals("file")) {
      throw ApiException.validation(where + " " + uri + " is a file on the machine that submits the run, which"
          + " a job run does not have; use local:///<path> for a file inside the image, or a remote URI such"
          + " as s3a://, https:// or gs://");
    }
  }

  private static Optional<String> scheme(String uri) {
    try {
      return Optional.ofNullable(new URI(uri).getScheme());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
