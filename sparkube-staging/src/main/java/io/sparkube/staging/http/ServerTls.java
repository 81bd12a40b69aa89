package io.sparkube.staging.http;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.Tls;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the TLS settings into server options, checking each file so a mistake names its setting. */
final class ServerTls {
  private ServerTls() {}

  static HttpServerOptions apply(Tls tls, HttpServerOptions options) {
    if (tls instanceof Tls.Pem pem) {
      return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(readable(pem.certFile(), StagingKeys.TLS_CERT_FILE.key()))
          .setKeyPath(readable(pem.keyFile(), StagingKeys.TLS_KEY_FILE.key())));
    }
    if (tls instanceof Tls.Pkcs12 store) {
      return options.setSsl(true).setKeyCertOptions(new PfxOptions()
          .setPath(readable(store.keyStore(), StagingKeys.TLS_KEY_STORE.key()))
          .setPassword(password(store.passwordFile())));
    }
    return options.setSsl(false);
  }

  private static String readable(Path file, String key) {
    if (!Files.isReadable(file)) {
      throw SparkubeException.invalidConfig(key + "=" + file + " cannot be read; point it at an existing file the"
          + " server may read");
    }
    return file.toString();
  }

  /** A trailing newline is how most tools write a file; it is never part of the password. */
  private static String password(Path file) {
    var key = StagingKeys.TLS_KEY_STORE_PASSWORD_FILE.key();
    try {
      return Files.readString(Path.of(readable(file, key))).replaceAll("[\r\n]+$", "");
    } catch (IOException e) {
      throw SparkubeException.invalidConfig(key + "=" + file + " cannot be read (" + e.getMessage() + "); point it"
          + " at the file holding the keystore's password");
    }
  }
}
