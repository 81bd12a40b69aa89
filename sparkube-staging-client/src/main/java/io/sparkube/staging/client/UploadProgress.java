package io.sparkube.staging.client;

/** Told how many of a file's bytes have gone to the server so far, as they go. */
@FunctionalInterface
public interface UploadProgress {
  UploadProgress NONE = (sent, total) -> { };

  void update(long sent, long total);
}
