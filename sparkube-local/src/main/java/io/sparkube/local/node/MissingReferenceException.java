package io.sparkube.local.node;

/**
 * A pod references a ConfigMap, Secret or key that does not exist (yet). Like a kubelet, the node
 * keeps the pod waiting and tries again when the object appears; the message goes into the
 * container's waiting state.
 */
final class MissingReferenceException extends RuntimeException {
  MissingReferenceException(String message) {
    super(message);
  }
}
