package dev.scenarist.app.cli;

import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", mixinStandardHelpOptions = true, description = "Work with model backends.",
        subcommands = {ModelsCommand.Check.class})
final class ModelsCommand {
    @ParentCommand
    ScenaristCommand root;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Ask a model for a one-word reply: is it reachable, how fast, how many tokens, what it cost.",
                    "Exit 0 when it answered, 1 when it did not (the reason names the fix: no key, wrong URL, unknown model)."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @Parameters(paramLabel = "MODEL", description = "provider:model, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:llama3.2")
        String model;

        @Option(names = "--config", paramLabel = "FILE", description = "Campaign configuration with providers (base_url, api_key_env) and prices.")
        Path config;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", description = "Give up after this long (default ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() throws Exception {
            ScenaristCommand root = models.root;
            Output out = root.output();
            CampaignConfig c = config == null ? CampaignConfig.EMPTY : CampaignConfig.load(config);
            Duration limit = CampaignConfig.parseDuration(timeout, "--timeout");
            var setup = new dev.scenarist.app.wiring.AuthorFactory(root.env(), new dev.scenarist.models.Redactor()).model(model, c.authorSettings());
            var request = new AuthorRequest("models-check", "You answer with exactly one word.", "Reply with the word OK.",
                    new ModelSettings(Optional.empty(), OptionalDouble.of(0), OptionalInt.of(16), limit), 1, 0, Map.of());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model);
            long t0 = System.nanoTime();
            try {
                setup.throttle().acquire(request, Optional.empty());
                AuthorReply r = setup.author().reply(request);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.line(String.format(java.util.Locale.ROOT, "%s answered in %d ms: \"%s\" (%d input, %d output tokens, %d cached; $%.6f; model %s)",
                        model, ms, abbreviate(r.text().strip()), r.usage().inputTokens(), r.usage().outputTokens(),
                        r.usage().cacheReadTokens(), r.usage().costUsd(), r.model()));
                doc.put("ok", true);
                doc.put("latency_ms", ms);
                doc.put("reply", r.text());
                doc.put("served_by", r.model());
                doc.put("usage", r.usage());
                if (out.json()) out.document(doc);
                return 0;
            } catch (AuthorException e) {
                out.line(model + " did not answer: " + e.getMessage() + (e.retryable() ? " (a temporary problem: try again later)" : ""));
                doc.put("ok", false);
                doc.put("retryable", e.retryable());
                doc.put("reason", e.getMessage());
                if (out.json()) out.document(doc);
                return 1;
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 59) + "…";
        }
    }
}
