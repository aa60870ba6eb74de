package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects findings in the order the checks make them, up to a cap (a broken file must not flood a prompt). */
final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final int cap;
    private int dropped;

    Findings(int cap) {
        this.cap = cap;
    }

    void error(String code, MjcfNode at, String message, String hint) {
        add(new Finding(code, Severity.ERROR, message, at == null ? "" : at.location(), hint));
    }

    void warning(String code, MjcfNode at, String message, String hint) {
        add(new Finding(code, Severity.WARNING, message, at == null ? "" : at.location(), hint));
    }

    void add(Finding f) {
        if (list.size() < cap) {
            list.add(f);
        } else {
            dropped++;
        }
    }

    List<Finding> result() {
        List<Finding> out = new ArrayList<>(list);
        if (dropped > 0) {
            out.add(new Finding(MjcfValidator.TOO_MANY, out.stream().anyMatch(Finding::isError) ? Severity.ERROR
                    : Severity.WARNING, dropped + " more findings were left out", "", "fix the findings above first"));
        }
        return List.copyOf(out);
    }
}
