package io.sparkube.staging.jobs;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * Turns informer events on driver pods into "job ended" reports: a driver added or updated in a
 * final phase (as the first listing shows the ones that ended while nobody watched), or deleted.
 * A job may be reported more than once; releasing it again is harmless.
 */
final class DriverPodEvents implements ResourceEventHandler<Pod> {
  private final Consumer<JobEnded> onEnded;

  DriverPodEvents(Consumer<JobEnded> onEnded) {
    this.onEnded = onEnded;
  }

  @Override
  public void onAdd(Pod pod) {
    reportIfEnded(pod);
  }

  @Override
  public void onUpdate(Pod before, Pod pod) {
    reportIfEnded(pod);
  }

  @Override
  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    report(pod, "deleted");
  }

  private void reportIfEnded(Pod pod) {
    if (DriverPods.ended(pod)) {
      report(pod, pod.getStatus().getPhase());
    }
  }

  private void report(Pod pod, String how) {
    DriverPods.jobOf(pod).ifPresent(job -> onEnded.accept(new JobEnded(job, DriverPods.nameOf(pod), how)));
  }
}
