package dev.scenarist.packs.chains.internal.check;

import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Priority;

/**
 * One deterministic check's verdict after a step.
 *
 * @param check    as written in the pool
 * @param resolved with its placeholders replaced (what was really compared)
 * @param detail   what was found, e.g. {@code expected "CB-20", found null}
 * @param observed whether the checked path had a value at all (a never-observed field is a missing observation)
 */
public record CheckResult(String check, String resolved, CheckKind kind, Priority priority, boolean passed, String detail, boolean observed) {}
