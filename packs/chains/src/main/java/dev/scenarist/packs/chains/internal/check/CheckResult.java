package dev.scenarist.packs.chains.internal.check;

import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Priority;

/**
 * One deterministic check's verdict after a step.
 *
 * @param check    as written in the pool
 * @param resolved with its placeholders replaced (what was really compared)
 */
public record CheckResult(String check, String resolved, CheckKind kind, Priority priority, Finding finding) {
    /**
     * @param detail   what was found, e.g. {@code expected == "CB-20", found null}
     * @param observed whether the checked path had a value at all (a field never observed is a missing observation)
     */
    public record Finding(boolean passed, String detail, boolean observed) {}

    public boolean passed() {
        return finding.passed();
    }

    public String detail() {
        return finding.detail();
    }

    public boolean observed() {
        return finding.observed();
    }
}
