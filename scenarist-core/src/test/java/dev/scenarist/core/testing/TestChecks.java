package dev.scenarist.core.testing;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import java.util.function.Function;

/** Small checks for tests. */
public final class TestChecks {
    private TestChecks() {}

    public static Check of(String name, int tier, Function<CheckContext, CheckResult> body) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int tier() {
                return tier;
            }

            @Override
            public CheckResult run(CheckContext context) {
                return body.apply(context);
            }
        };
    }

    /** Fails with {@code code} unless {@code file} contains {@code needle}. */
    public static Check contains(String name, int tier, String file, String needle) {
        return of(name, tier, ctx -> ctx.workspace().read(file).filter(s -> s.contains(needle)).isPresent()
                ? CheckResult.passed()
                : CheckResult.failed(Finding.error("MISSING_TEXT", file + " must contain '" + needle + "'", file, "add '" + needle + "'")));
    }
}
