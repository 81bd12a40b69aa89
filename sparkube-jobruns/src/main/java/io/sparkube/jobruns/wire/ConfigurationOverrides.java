package io.sparkube.jobruns.wire;

import java.util.List;

/** Settings on top of the job driver's: application classifications, and monitoring. */
public record ConfigurationOverrides(List<Configuration> applicationConfiguration,
    MonitoringConfiguration monitoringConfiguration) {}
