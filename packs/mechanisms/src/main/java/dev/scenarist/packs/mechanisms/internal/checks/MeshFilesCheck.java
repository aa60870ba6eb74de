package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import java.util.ArrayList;
import java.util.List;

/** Every STL of the scenario is watertight, manifold, consistently oriented, of positive volume and not self-intersecting. */
public final class MeshFilesCheck implements Check {
    @Override
    public String name() {
        return "meshes";
    }

    @Override
    public int tier() {
        return TIER_PARSE + 10;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<Finding> all = new ArrayList<>();
        for (String f : ctx.workspace().list()) {
            if (f.toLowerCase(java.util.Locale.ROOT).endsWith(".stl")) {
                MeshChecker.exact().inspect(ctx.workspace().resolve(f), f).findings().forEach(all::add);
            }
        }
        return CheckResult.of(all);
    }
}
