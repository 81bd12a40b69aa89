package io.sparkube.local.image;

import java.util.Optional;

/** Resolves an image reference such as {@code apache/spark:4.0.2} to a local image. */
public interface LocalImages {

  Optional<LocalImage> resolve(String imageReference);

  /** What to tell the user when {@code imageReference} is unknown: how to build it. */
  String howToBuild(String imageReference);
}
