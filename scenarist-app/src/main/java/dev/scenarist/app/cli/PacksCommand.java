package dev.scenarist.app.cli;

import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "packs", mixinStandardHelpOptions = true, description = "List the packs (bundled and YAML), their stages and checks.")
final class PacksCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        try (var app = root.open()) {
            List<Map<String, Object>> doc = new ArrayList<>();
            for (var src : app.packs().sources()) {
                var pack = app.packs().get(src.name());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", pack.name());
                p.put("origin", src.origin());
                p.put("folder", src.dir() == null ? "" : src.dir().toString());
                p.put("description", pack.description());
                List<Map<String, Object>> stages = new ArrayList<>();
                out.line(pack.name() + "  (" + src.origin() + ")  " + pack.description().strip().lines().findFirst().orElse(""));
                for (Stage s : pack.pipeline().stages()) {
                    List<String> checks = s instanceof Stage.GateStage g ? List.of(g.gate().name())
                            : s.checks().stream().map(Check::name).toList();
                    out.line(String.format("  %-10s %-7s %s", s.name(), s.kind(), checks.isEmpty() ? "" : "checks: " + String.join(", ", checks)));
                    stages.add(Map.of("name", s.name(), "kind", s.kind(), "checks", checks));
                }
                p.put("stages", stages);
                doc.add(p);
            }
            if (doc.isEmpty()) out.line("no packs found");
            if (out.json()) out.document(Map.of("packs", doc));
        }
        return 0;
    }
}
