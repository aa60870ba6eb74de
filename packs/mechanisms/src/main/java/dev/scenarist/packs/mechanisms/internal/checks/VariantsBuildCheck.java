package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.validation.VariantFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Compile the template and run {@code build(seed, scale)} for every variant in the sandbox (time and memory limits,
 * no network, writes only in its scratch folder). Fails on compile errors (at their line), timeouts, running out of
 * memory, a variant that throws, and a template whose {@code info().tier()} is not the plan's tier.
 */
public final class VariantsBuildCheck implements Check {
    private final VariantsSetup setup;

    VariantsBuildCheck(VariantsSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "template-build";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        return switch (setup.build(ctx)) {
            case VariantsSetup.Built.Stop s -> s.result();
            case VariantsSetup.Built.Ok ok -> {
                List<Finding> out = new ArrayList<>();
                for (VariantFiles v : ok.build().report().variants()) {
                    if (!v.built()) {
                        String code = v.failure().contains("OutOfMemoryError") ? "TEMPLATE_OUT_OF_MEMORY" : "TEMPLATE_RUNTIME_ERROR";
                        out.add(Finding.error(code, "build(" + v.seed() + ", scale) threw: " + v.failure(), "template.java", v.label()));
                    }
                }
                int tier = ok.build().report().template().tier();
                VariantsSetup.plan(ctx.workspace()).filter(p -> p.tier() != tier).ifPresent(p -> out.add(Finding.error("TEMPLATE_TIER",
                        "info().tier() is " + tier + " but the plan is tier " + p.tier(), "template.java", "return the plan's tier from info()")));
                yield CheckResult.of(out);
            }
        };
    }
}
