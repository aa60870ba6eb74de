package dev.scenarist.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The mechanisms pack's own commands. */
@Command(name = "mechanisms", mixinStandardHelpOptions = true,
        description = {"Play exported mechanisms (MuJoCo physics) scenarios (generate them with 'scenarist generate --pack mechanisms').",
                "  play    play a solution of a scenario's task in MuJoCo and print the verdict with the measured quantities"},
        subcommands = {MechanismsPlayCommand.class})
final class MechanismsCommand {
    @ParentCommand
    ScenaristCommand root;
}
