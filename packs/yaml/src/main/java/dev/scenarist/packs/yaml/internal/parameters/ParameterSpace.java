package dev.scenarist.packs.yaml.internal.parameters;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses a run's parameters from its seed by mixed-radix counting: the seed, read as an unsigned number, is
 * written in the bases given by the parameters' sizes, first parameter fastest. So the same seed always gives the
 * same values, and consecutive seeds {@code 0 .. combinations()-1} visit every combination exactly once — a campaign
 * covers the space evenly, and a cassette recorded for those seeds replays any seed (seed mod combinations).
 */
public record ParameterSpace(List<ParameterSpec> specs) {
    public static final ParameterSpace NONE = new ParameterSpace(List.of());

    public ParameterSpace {
        specs = List.copyOf(specs);
        Set<String> seen = new HashSet<>();
        for (ParameterSpec s : specs) {
            if (!seen.add(s.name())) throw new IllegalArgumentException("parameter '" + s.name() + "' is declared twice");
        }
    }

    public Map<String, Object> choose(long seed) {
        BigInteger rest = new BigInteger(Long.toUnsignedString(seed));
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(s.size()));
            out.put(s.name(), s.valueAt(qr[1].longValueExact()));
            rest = qr[0];
        }
        return Collections.unmodifiableMap(out);
    }

    /** How many different parameter combinations there are (saturating at Long.MAX_VALUE). */
    public long combinations() {
        long n = 1;
        for (ParameterSpec s : specs) {
            if (n > Long.MAX_VALUE / s.size()) return Long.MAX_VALUE;
            n *= s.size();
        }
        return n;
    }

    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        specs.forEach(s -> out.add(s.name()));
        return out;
    }
}
