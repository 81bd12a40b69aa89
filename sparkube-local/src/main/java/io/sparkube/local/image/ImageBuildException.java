package io.sparkube.local.image;

/** An image could not be built; the message says why and, where it can, what to do. */
public final class ImageBuildException extends RuntimeException {

  public ImageBuildException(String message) {
    super(message);
  }

  public ImageBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
