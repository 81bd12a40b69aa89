package io.sparkube.cli.staging;

import picocli.CommandLine.Command;

/** {@code sparkube staging}: the dependency staging server. */
@Command(name = "staging", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, InstallCommand.class},
    description = "The dependency staging server that local jars and files are uploaded to.")
public final class StagingCommand {}
