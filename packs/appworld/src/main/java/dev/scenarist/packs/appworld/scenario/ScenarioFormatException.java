package dev.scenarist.packs.appworld.scenario;

import dev.scenarist.core.model.Finding;

/**
 * A scenario document that cannot be read: the JSON path of the bad value, what is wrong and how to fix it, e.g.
 * {@code $.events[2].delay_secs: unknown field; did you mean 'delay_seconds'?}.
 */
public final class ScenarioFormatException extends RuntimeException {
    public static final String CODE = "SCENARIO_FORMAT";
    private final String path;
    private final String problem;
    private final String fix;

    public ScenarioFormatException(String path, String problem, String fix) {
        super(path + ": " + problem + (fix.isEmpty() ? "" : " (fix: " + fix + ")"));
        this.path = path;
        this.problem = problem;
        this.fix = fix;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    /** The error as a finding, so a pipeline stage can feed it back like any other check's. */
    public Finding toFinding() {
        return Finding.error(CODE, problem, path, fix);
    }
}
