package io.sparkube.local;

import java.nio.file.Path;

/**
 * Where container logs live on disk: the node writes them, the API server serves them as
 * {@code pods/log}. {@code <root>/<namespace>/<pod>/<container>.log} holds stdout and stderr
 * interleaved; {@code <container>.exit} appears, holding the exit code, once the container ended
 * (so a following reader knows when to stop). A restarted container appends to the same log.
 */
public record PodLogLayout(Path root) {

  public Path logFile(String namespace, String pod, String container) {
    return podDir(namespace, pod).resolve(container + ".log");
  }

  public Path exitFile(String namespace, String pod, String container) {
    return podDir(namespace, pod).resolve(container + ".exit");
  }

  public Path podDir(String namespace, String pod) {
    return root.resolve(namespace).resolve(pod);
  }
}
