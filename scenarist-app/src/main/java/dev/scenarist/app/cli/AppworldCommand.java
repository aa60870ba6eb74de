package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.appworld.play.PlayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The appworld pack's own commands: play a scenario, benchmark an agent, list accepted scenarios' metadata. */
@Command(name = "appworld", mixinStandardHelpOptions = true,
        description = {"Play, benchmark and list appworld (simulated phone) scenarios.",
                "  play    play one scenario with an agent and print the verdict, each goal and the action log",
                "  bench   play every scenario of a campaign or a folder and print the success rate per family",
                "  ledger  the metadata ledger of a campaign's accepted scenarios (PARE's fields, plus title and family)"},
        subcommands = {AppworldPlayCommand.class, AppworldBenchCommand.class, AppworldLedgerCommand.class},
        footer = {"", "Agents: oracle (the scenario's reference solution), noop (does nothing), or a model as provider:model",
                "(openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5:14b) playing through tool calling; its key comes from",
                "$OPENAI_API_KEY / $ANTHROPIC_API_KEY, its endpoint from $OPENAI_BASE_URL / $ANTHROPIC_BASE_URL / $OLLAMA_HOST."})
final class AppworldCommand {
    @ParentCommand
    ScenaristCommand root;

    /** The player's caps with the agent's tool calls from {@code --max-tool-calls}. */
    static PlayOptions options(int maxToolCalls) {
        if (maxToolCalls < 1) throw new ConfigException("--max-tool-calls must be at least 1, got " + maxToolCalls);
        return new PlayOptions(maxToolCalls, PlayOptions.DEFAULTS.maxTurns(), PlayOptions.DEFAULTS.horizon());
    }
}
