package io.sparkube.staging.config;

import java.nio.file.Path;

/** How the server speaks TLS: not at all, from PEM files, or from a PKCS12 keystore. */
public sealed interface Tls {
  record None() implements Tls {}

  record Pem(Path certFile, Path keyFile) implements Tls {}

  record Pkcs12(Path keyStore, Path passwordFile) implements Tls {}

  default String scheme() {
    return this instanceof None ? "http" : "https";
  }
}
