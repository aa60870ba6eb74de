package dev.scenarist.packs.chains.internal.generate;

import java.util.List;
import java.util.Map;

/**
 * The names of a generation run's parameters (see {@link Domain#parameters}), and reading them back: they come back
 * from the store as JSON values, so lists are read element by element and anything missing is read as empty.
 */
public final class Parameters {
    public static final String DOMAIN = "domain";
    public static final String DOMAIN_NAME = "domain_name";
    public static final String TARGET = "assistant_target";
    public static final String DESCRIPTION = "description";
    public static final String ANSWERS = "answers";
    public static final String CARRY_OVER = "carry_over";
    public static final String CARRY_OVER_FIELDS = "carry_over_fields";
    public static final String EXISTING_POOL = "existing_pool";
    public static final String FOCUS = "focus";

    private Parameters() {}

    /**
     * The generation parameters in {@code parameters}, or — when they hold none, as for {@code scenarist validate},
     * which passes no run's parameters — the bundled default domain's, which is what {@code generate} uses unless told
     * otherwise.
     */
    public static Map<String, Object> effective(Map<String, Object> parameters) {
        return parameters.containsKey(DOMAIN) ? parameters : Domains.resolve(Domains.INVENTORY).parameters(0);
    }

    public static String text(Map<String, Object> parameters, String name) {
        Object v = parameters.get(name);
        return v == null ? "" : String.valueOf(v);
    }

    public static List<String> list(Map<String, Object> parameters, String name) {
        return parameters.get(name) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
