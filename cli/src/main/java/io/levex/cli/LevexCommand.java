package io.levex.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/**
 * The top command: {@code levex <subcommand>}.
 */
@TopCommand
@Command(
    name = "levex",
    mixinStandardHelpOptions = true,
    version = "levex 0.1.0-SNAPSHOT",
    description = "Leveraged exposure management for crypto options and derivatives.",
    subcommands = {UpCommand.class, DemoCommand.class})
public class LevexCommand {
}
