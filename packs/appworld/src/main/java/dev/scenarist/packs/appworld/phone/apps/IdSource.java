package dev.scenarist.packs.appworld.phone.apps;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Deterministic ids ("email_3") instead of ARE's random uuids, so two runs of the same calls produce the same ids,
 * logs and snapshots. Ids already used (e.g. seeded ones) are skipped.
 */
public final class IdSource {
    private final Map<String, Long> counters = new TreeMap<>();

    public String next(String prefix, Predicate<String> taken) {
        while (true) {
            long n = counters.merge(prefix, 1L, Long::sum);
            String id = prefix + "_" + n;
            if (!taken.test(id)) return id;
        }
    }
}
