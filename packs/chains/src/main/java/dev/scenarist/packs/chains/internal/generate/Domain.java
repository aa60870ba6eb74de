package dev.scenarist.packs.chains.internal.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What chains are generated for: a domain description. The author gets it in its prompt (what the assistant answers,
 * which fields of its memory must carry over); the checks read its target (dry runs only against the reference
 * assistant), its carry-over fields and its existing pool (new chains must differ from those).
 *
 * @param id           lower-case id: groups uniqueness, names generated pools
 * @param name         the pools' {@code domain:} text
 * @param target       {@code reference} (the bundled reference assistant: chains are dry-run against it) or the
 *                     assistant's base URL (not dry-run: run the pools against it yourself)
 * @param brief        what the author is told about the domain
 * @param carryOver    semantic-memory field → what it means; a chain checks at least one of them
 * @param existingPool {@code bundled:NAME}, or a pool file's absolute path, whose chains new ones must differ from
 */
public record Domain(String id, String name, String target, Brief brief, Map<String, String> carryOver, Optional<String> existingPool) {
    public static final String REFERENCE_TARGET = "reference";

    /**
     * @param answers what the assistant answers and the reply fields checks may read
     * @param focuses chain themes; a run's seed picks one, so a campaign's chains spread over them
     */
    public record Brief(String description, String answers, List<String> focuses) {
        public Brief {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(answers, "answers");
            focuses = List.copyOf(focuses);
        }
    }

    public Domain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(brief, "brief");
        carryOver = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(carryOver));
        Objects.requireNonNull(existingPool, "existingPool");
    }

    public List<String> focuses() {
        return brief.focuses();
    }

    public boolean targetsReference() {
        return REFERENCE_TARGET.equals(target);
    }

    /** The focus a run's seed picks, or "" when the domain lists none. */
    public String focus(long seed) {
        List<String> focuses = brief.focuses();
        return focuses.isEmpty() ? "" : focuses.get((int) Math.floorMod(seed, (long) focuses.size()));
    }

    /** The run's parameters: everything the prompt and the checks need, as JSON values (the run stores them). */
    public Map<String, Object> parameters(long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Parameters.DOMAIN, id);
        p.put(Parameters.DOMAIN_NAME, name);
        p.put(Parameters.TARGET, target);
        p.put(Parameters.DESCRIPTION, brief.description().strip());
        p.put(Parameters.ANSWERS, brief.answers().strip());
        StringBuilder carry = new StringBuilder();
        carryOver.forEach((field, meaning) -> carry.append(carry.isEmpty() ? "" : "; ").append("semantic_memory.").append(field).append(" (")
                .append(meaning).append(')'));
        p.put(Parameters.CARRY_OVER, carry.toString());
        p.put(Parameters.CARRY_OVER_FIELDS, new ArrayList<>(carryOver.keySet()));
        p.put(Parameters.EXISTING_POOL, existingPool.orElse(""));
        p.put(Parameters.FOCUS, focus(seed));
        return p;
    }
}
