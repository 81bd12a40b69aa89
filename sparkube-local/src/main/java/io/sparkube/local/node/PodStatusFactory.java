package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code status} a kubelet would report for a pod run. */
final class PodStatusFactory {
  private PodStatusFactory() {}

  static PodStatus statusOf(PodRun run, String startTime) {
    var ready = run.state() == PodState.RUNNING && run.containers.values().stream().allMatch(ContainerRun::isRunning);
    var builder = new PodStatusBuilder()
        .withPhase(run.state().phase())
        .withHostIP(HostsFile.API_SERVER_IP)
        .withStartTime(startTime)
        .withConditions(conditions(ready, run.ip != null))
        .withContainerStatuses(run.containers.values().stream().map(PodStatusFactory::containerStatus).toList());
    if (run.ip != null) {
      builder.withPodIP(run.ip).withPodIPs(new PodIP(run.ip));
    }
    return builder.build();
  }

  private static ContainerStatus containerStatus(ContainerRun container) {
    return new ContainerStatusBuilder()
        .withName(container.name())
        .withImage(container.spec.getImage())
        .withImageID("")
        .withContainerID(container.process == null ? null : "sparkube://" + container.process.pid())
        .withReady(container.isRunning())
        .withStarted(container.isRunning())
        .withRestartCount(container.restartCount)
        .withState(container.state)
        .withLastState(container.lastState)
        .build();
  }

  private static List<PodCondition> conditions(boolean ready, boolean initialized) {
    var now = Instant.now().toString();
    var conditions = new ArrayList<PodCondition>();
    conditions.add(condition("PodScheduled", true, now));
    conditions.add(condition("Initialized", initialized, now));
    conditions.add(condition("ContainersReady", ready, now));
    conditions.add(condition("Ready", ready, now));
    return conditions;
  }

  private static PodCondition condition(String type, boolean status, String now) {
    return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
        .withLastTransitionTime(now).build();
  }
}
