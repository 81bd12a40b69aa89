package io.sparkube.jobruns.config;

import java.nio.file.Path;

/** How the API speaks TLS: not at all, or from PEM files. */
public sealed interface Tls {
  record None() implements Tls {}

  record Pem(Path certFile, Path keyFile) implements Tls {}
}
