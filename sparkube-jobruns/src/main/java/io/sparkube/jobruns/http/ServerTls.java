package io.sparkube.jobruns.http;

import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.jobruns.config.Tls;
import io.sparkube.model.error.SparkubeException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the TLS settings into server options, checking each file so a mistake names its setting. */
final class ServerTls {
  private ServerTls() {}

  static HttpServerOptions apply(Tls tls, HttpServerOptions options) {
    if (tls instanceof Tls.Pem pem) {
      return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(readable(pem.certFile(), JobRunsKeys.TLS_CERT_FILE.key()))
          .setKeyPath(readable(pem.keyFile(), JobRunsKeys.TLS_KEY_FILE.key())));
    }
    return options.setSsl(false);
  }

  private static String readable(Path file, String key) {
    if (!Files.isReadable(file)) {
      throw SparkubeException.invalidConfig(key + "=" + file + " cannot be read; point it at an existing PEM file"
          + " the API may read");
    }
    return file.toString();
  }
}
