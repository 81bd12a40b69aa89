package io.sparkube.submit;

import java.util.Optional;

/** The application's primary resource, typed by how the driver must run it. */
public sealed interface MainAppResource {

  /** A JVM application; the jar may be absent when the main class is already on the image. */
  record JavaResource(Optional<String> uri) implements MainAppResource {}

  record PythonResource(String uri) implements MainAppResource {}

  record RResource(String uri) implements MainAppResource {}

  default boolean isJvm() {
    return this instanceof JavaResource;
  }
}
