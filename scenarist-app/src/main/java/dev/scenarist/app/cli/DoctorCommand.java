package dev.scenarist.app.cli;

import dev.scenarist.app.preflight.Component;
import dev.scenarist.app.preflight.Preflight;
import dev.scenarist.core.pack.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"List every component the packs need on this machine (JDK, bubblewrap, prlimit, setpriv, a sandbox that",
                "starts, Node.js and MuJoCo, the commands YAML packs' checks run), found or missing, with versions and the fix.",
                "generate, resume and validate check the same list for their pack before storing anything.",
                "Exit 0 when everything the listed packs need is present, 2 when something is missing (as generate would)."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--pack", paramLabel = "PACK", description = "Only the components this pack needs (default: every pack).")
    String pack;

    /** One component and the packs that need it. */
    private record Row(Component component, TreeSet<String> packs) {}

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        try (var app = root.open()) {
            Preflight preflight = app.preflight();
            List<String> names = pack != null ? List.of(app.packs().get(pack).name())
                    : app.packs().sources().stream().map(s -> s.name()).toList();
            Map<String, Row> rows = new LinkedHashMap<>();
            Component java = preflight.java();
            rows.put(java.name(), new Row(java, new TreeSet<>()));
            Map<String, Object> packsDoc = new LinkedHashMap<>();
            for (String name : names) {
                Pack p = app.packs().get(name);
                List<Component> found = preflight.inspect(dev.scenarist.core.pack.Capabilities.requirements(p));
                for (Component c : found) rows.computeIfAbsent(c.name(), k -> new Row(c, new TreeSet<>())).packs().add(name);
                List<String> missing = found.stream().filter(c -> c instanceof Component.Missing).map(Component::name).toList();
                packsDoc.put(name, Map.of("ready", missing.isEmpty(), "missing", missing));
            }
            boolean ready = rows.values().stream().noneMatch(r -> r.component() instanceof Component.Missing);
            print(out, rows, ready);
            if (out.json()) {
                List<Map<String, Object>> components = new ArrayList<>();
                for (Row r : rows.values()) components.add(json(r));
                out.document(Map.of("ready", ready, "components", components, "packs", packsDoc));
            }
            return ready ? 0 : 2;
        }
    }

    private static void print(Output out, Map<String, Row> rows, boolean ready) {
        Table t = new Table("COMPONENT", "STATUS", "VERSION", "NEEDED BY", "WHERE / FIX");
        for (Row r : rows.values()) {
            String packs = r.packs().isEmpty() ? "scenarist" : String.join(", ", r.packs());
            switch (r.component()) {
                case Component.Found f -> t.row(f.name(), "ok", f.version().isEmpty() ? "-" : f.version(), packs, f.where());
                case Component.Missing m -> t.row(m.name(), "MISSING", "-", packs, "fix: " + m.fix());
            }
        }
        out.human().print(t.render());
        for (Row r : rows.values()) {
            if (r.component() instanceof Component.Missing m) out.human().println(m.name() + ": " + m.reason());
        }
        out.human().println(ready ? "Everything the packs need is here." : "Something is missing: run the fixes above, then 'scenarist doctor' again.");
    }

    private static Map<String, Object> json(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.component().name());
        m.put("purpose", r.component().purpose());
        m.put("packs", List.copyOf(r.packs()));
        switch (r.component()) {
            case Component.Found f -> {
                m.put("status", "found");
                m.put("version", f.version());
                m.put("where", f.where());
            }
            case Component.Missing x -> {
                m.put("status", "missing");
                m.put("reason", x.reason());
                m.put("fix", x.fix());
            }
        }
        return m;
    }
}
