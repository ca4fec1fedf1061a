package io.levex.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/**
 * The top command: {@code levex <subcommand>}. {@code up} and {@code demo} run the suite; {@code price}, {@code iv},
 * {@code chain}, {@code surface} and {@code margin} compute offline with risk-core (no server, no infrastructure).
 */
@TopCommand
@Command(
    name = "levex",
    mixinStandardHelpOptions = true,
    version = "levex 0.1.0-SNAPSHOT",
    description = "Leveraged exposure management for crypto options and derivatives.",
    subcommands = {UpCommand.class, DemoCommand.class, PriceCommand.class, IvCommand.class, ChainCommand.class,
        SurfaceCommand.class, MarginCommand.class})
public class LevexCommand {
}
