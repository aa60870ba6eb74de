package dev.scenarist.app.cli;

import dev.scenarist.app.chains.ChainsTarget;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.wiring.AuthorFactory;
import dev.scenarist.core.text.DurationText;
import dev.scenarist.packs.chains.AnalystSpec;
import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.RunOptions;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every chains run shares: the target, where artifacts go, the gate, retries and the analyst. */
final class ChainsOptions {
    @Option(names = "--target", defaultValue = ChainsTarget.REFERENCE, paramLabel = "reference|URL",
            description = "The assistant under test: 'reference' (the bundled reference assistant, started in-process; default) or its base URL.")
    String target;

    @Option(names = "--out", paramLabel = "DIR", description = "The domain_runs folder (default: <data-dir>/artifacts/domain_runs).")
    Path out;

    @Option(names = "--gate", defaultValue = "80", paramLabel = "SCORE", description = "Analyst score (0-100) acceptance needs, with no open P0 (default ${DEFAULT-VALUE}).")
    int gate;

    @Option(names = "--flaky-retries", defaultValue = "1", paramLabel = "N",
            description = "Re-run a failing step up to N times before it counts as failed; a pass on a re-run is reported flaky (default ${DEFAULT-VALUE}).")
    int flakyRetries;

    @Option(names = "--analyst", defaultValue = "offline", paramLabel = "offline|provider:model",
            description = "offline (the documented rubric formula over the checks, default) or a model, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5.")
    String analyst;

    @Option(names = "--auth-env", paramLabel = "VAR", description = "Environment variable holding the auth header's value (never logged nor written).")
    String authEnv;

    @Option(names = "--auth-header", defaultValue = "Authorization", paramLabel = "NAME", description = "The auth header's name (default ${DEFAULT-VALUE}).")
    String authHeader;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", description = "Per-call timeout (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--llm", paramLabel = "KEY=VALUE", description = "An LLM setting passed to the assistant with every message (repeatable), e.g. --llm model=gpt-4.1.")
    Map<String, String> llm = new LinkedHashMap<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "The assistant profile passed with every message.")
    String profile;

    @Option(names = "--product", paramLabel = "DIR",
            description = "The reference assistant's product folder (default: <data-dir>/chains/reference-product; created with the defect planted).")
    Path product;

    Path productDir(ScenaristCommand root) {
        return product != null ? product : root.resolvedDataDir().resolve("chains").resolve("reference-product");
    }

    Path outDir(ScenaristCommand root) {
        return out != null ? out : root.resolvedDataDir().resolve("artifacts").resolve("domain_runs");
    }

    ChainsTarget openTarget(ScenaristCommand root) {
        java.time.Duration t;
        try {
            t = DurationText.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--timeout: " + e.getMessage());
        }
        return ChainsTarget.open(new ChainsTarget.Spec(target, productDir(root), Optional.ofNullable(authEnv), authHeader, t,
                new ChainsTarget.Settings(Map.copyOf(llm), Optional.ofNullable(profile))), root.env());
    }

    RunOptions runOptions(ScenaristCommand root, Target t) {
        AnalystSpec spec = analyst.equals("offline") ? new AnalystSpec.Offline() : model(root);
        try {
            return new RunOptions(t, outDir(root), gate, flakyRetries, spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private AnalystSpec model(ScenaristCommand root) {
        if (!dev.scenarist.models.ModelRef.looksLikeModel(analyst)) {
            throw new ConfigException("--analyst '" + analyst + "': use offline or provider:model (openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5:14b)");
        }
        return new AnalystSpec.Model(new AuthorFactory(root.env(), new dev.scenarist.models.Redactor()).model(analyst, Map.of()).author());
    }

    /** The pool in {@code file}, or the bundled inventory pool; a bad file is a configuration error naming its line. */
    static QuestionPool pool(Path file) {
        try {
            return file == null ? Pools.bundled(Pools.INVENTORY) : Pools.read(file);
        } catch (ChainsFormatException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
