package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.internal.yaml.YamlNode;
import dev.scenarist.packs.chains.internal.yaml.YamlReader;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.util.List;
import java.util.Optional;

/**
 * The run's {@code pool.yaml}, read with the runner's strict reader. A generated pool holds exactly one chain: the
 * catalog keeps, compares and runs chains one by one.
 */
public final class PoolDraft {
    public static final String FILE = "pool.yaml";

    private PoolDraft() {}

    /** What reading the draft gave: its one chain with the text it came from, or why it cannot be used. */
    public sealed interface Read {
        record Chain(QuestionPool pool, ChainScenario chain, String text) implements Read {
            /** Where step {@code index} (0-based) of the chain is written, {@code pool.yaml:LINE}. */
            public String stepLocation(int index) {
                return FILE + ":" + stepLine(text, index);
            }
        }

        record Unusable(Finding finding) implements Read {}
    }

    public static Read read(Workspace workspace) {
        Optional<String> text = workspace.read(FILE);
        if (text.isEmpty()) {
            return new Read.Unusable(Finding.error("POOL_MISSING", "the chain's pool file " + FILE + " was not written", FILE,
                    "reply with a <file path=\"" + FILE + "\"> block holding the whole question pool"));
        }
        return read(text.get());
    }

    public static Read read(String text) {
        QuestionPool pool;
        try {
            pool = Pools.parse(text, FILE);
        } catch (ChainsFormatException e) {
            return new Read.Unusable(Finding.error("POOL_FORMAT", strip(e.getMessage()), FILE + ":" + e.line(),
                    "fix the pool at line " + e.line() + " as the message says; the format is in the pack context"));
        }
        if (pool.scenarios().size() != 1) {
            return new Read.Unusable(Finding.error("ONE_CHAIN", "the pool holds " + pool.scenarios().size() + " scenarios; a generated pool holds exactly one chain",
                    FILE, "keep one scenario under 'scenarios:'"));
        }
        return new Read.Chain(pool, pool.scenarios().getFirst(), text);
    }

    /** The reader's message without its leading {@code pool.yaml:L:C: }, which the finding's location carries. */
    private static String strip(String message) {
        return message.startsWith(FILE + ":") ? message.replaceFirst("^" + java.util.regex.Pattern.quote(FILE) + ":\\d+:\\d+: ", "") : message;
    }

    /** The line of {@code scenarios[0].steps[index]}, or 1 when the text does not have it. */
    static int stepLine(String text, int index) {
        try {
            if (new YamlReader(FILE).read(text) instanceof YamlNode.Map root
                    && root.get("scenarios").orElse(null) instanceof YamlNode.Seq scenarios && !scenarios.items().isEmpty()
                    && scenarios.items().getFirst() instanceof YamlNode.Map chain
                    && chain.get("steps").orElse(null) instanceof YamlNode.Seq steps && index < steps.items().size()) {
                return steps.items().get(index).where().line();
            }
        } catch (ChainsFormatException e) {
            return 1;
        }
        return 1;
    }

    /** Every step's location, in order. */
    public static List<String> stepLocations(Read.Chain chain) {
        return java.util.stream.IntStream.range(0, chain.chain().steps().size()).mapToObj(chain::stepLocation).toList();
    }
}
