package io.sparkube.local.node;

/**
 * A container cannot start for a reason other than a missing object: an unsupported volume type,
 * a token the API server would not issue. {@code reason} becomes the container's waiting reason
 * (as a kubelet's CreateContainerConfigError or RunContainerError), the message its message.
 */
final class ContainerConfigException extends RuntimeException {
  private final String reason;

  ContainerConfigException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
