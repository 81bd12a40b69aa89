package io.sparkube.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reconcile queue's depth, from JOSDK's own callbacks: resources with an event received and
 * no pass started since. JOSDK merges events for a resource, so each counts once.
 */
public final class QueueDepth implements Metrics {
  private final Set<ResourceID> waiting = ConcurrentHashMap.newKeySet();

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    waiting.add(event.getRelatedCustomResourceID());
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    waiting.remove(ResourceID.fromResource(resource));
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    waiting.remove(resourceID);
  }

  public int depth() {
    return waiting.size();
  }
}
