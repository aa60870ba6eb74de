package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import java.util.function.Function;

/**
 * A check whose settings come from the run (its campaign's catalog, its dry-run command): the pipeline holds one of
 * these per check, and each run is checked by the check built for its own settings. Name and tier are the prototype's,
 * so the pipeline's order and the trajectory's names do not depend on the run.
 */
final class PerRunCheck implements Check {
    private final String name;
    private final int tier;
    private final Function<RunContext, Check> forRun;

    PerRunCheck(Check prototype, Function<RunContext, Check> forRun) {
        this.name = prototype.name();
        this.tier = prototype.tier();
        this.forRun = forRun;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return tier;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        return forRun.apply(context.run()).run(context);
    }
}
