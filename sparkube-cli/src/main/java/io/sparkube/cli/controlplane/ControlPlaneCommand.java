package io.sparkube.cli.controlplane;

import picocli.CommandLine.Command;

/** {@code sparkube control-plane}: the operator and the job-runs API, in a cluster. */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
    subcommands = {InstallCommand.class, ManifestsCommand.class, ServeCommand.class},
    description = "The control plane: the operator that runs SparkApplications and the job-runs REST API.")
public final class ControlPlaneCommand {}
