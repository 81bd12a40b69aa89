package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Optional;

/**
 * Reads a container's {@code limits.memory} and caps JVMs by it. In a real container the JVM sizes
 * its default heap from the cgroup limit it sees; here the same number reaches it as
 * {@code -XX:MaxRAM}, so the default heap (a quarter, or what MaxRAMPercentage says) comes out as it
 * would under Kubernetes whether or not {@link MemoryLimits} also puts the container in a cgroup.
 */
final class MemoryCap {
  private MemoryCap() {}

  static Optional<Long> limitBytes(Container container) {
    var resources = container.getResources();
    var limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get("memory");
    return limit == null ? Optional.empty() : Optional.of(Quantity.getAmountInBytes(limit).longValueExact());
  }

  /** JVM options that make any JVM in the sandbox behave as under the container's limit. */
  static Optional<String> jvmOptions(Container container) {
    return limitBytes(container).map(bytes -> "-XX:MaxRAM=" + bytes);
  }
}
