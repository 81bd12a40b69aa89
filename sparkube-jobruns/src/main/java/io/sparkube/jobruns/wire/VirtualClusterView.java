package io.sparkube.jobruns.wire;

import java.util.Map;

/** A virtual cluster as emr-containers describes it. */
public record VirtualClusterView(
    String id,
    String name,
    String arn,
    String state,
    ContainerProvider containerProvider,
    String createdAt,
    Map<String, String> tags,
    CreateVirtualClusterRequest.SchedulerConfiguration schedulerConfiguration) {}
