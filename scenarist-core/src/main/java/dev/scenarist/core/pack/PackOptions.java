package dev.scenarist.core.pack;

import java.util.Map;

/**
 * A pack that takes campaign options (such as mechanisms' {@code tier}). A pack without this capability refuses every
 * option, so that a mistyped or misplaced one is not silently ignored ({@link Capabilities#parameters}).
 */
public non-sealed interface PackOptions extends PackCapability {
    /**
     * The run's parameters under the campaign's pack options, chosen deterministically from its seed and the options;
     * the same JSON-type rule as {@link Pack#parameters(long)}.
     *
     * @throws IllegalArgumentException naming the option, the allowed values and the fix
     */
    Map<String, Object> parameters(long seed, Map<String, String> options);
}
