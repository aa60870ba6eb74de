package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.packs.yaml.internal.checks.CommandCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pack needs on the machine: the sandbox when any check runs a command; each command a check starts by name
 * (argv[0], e.g. {@code sh}); then what {@code requires:} declares — the commands the check scripts run, which argv
 * cannot show.
 */
public final class PackRequirements {
    private PackRequirements() {}

    /** A command check of the pack, and the program it starts (its argv[0]). */
    record CommandUse(String check, String program) {}

    /** The requirements of a loaded pack's pipeline and its {@code requires:}. */
    public static List<Requirement> of(Pipeline pipeline, List<Requirement.Command> declared) {
        List<CommandUse> uses = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            for (Check check : stage.checks()) {
                if (check instanceof CommandCheck c) uses.add(new CommandUse(c.name(), c.argv().getFirst()));
            }
        }
        return derive(uses, declared);
    }

    /** Shared by {@link #of} and {@link RequiresReader#readRequirements}, which reads only this much of a pack.yaml. */
    static List<Requirement> derive(List<CommandUse> uses, List<Requirement.Command> declared) {
        Map<String, Requirement> byComponent = new LinkedHashMap<>();
        for (CommandUse u : uses) {
            byComponent.putIfAbsent("sandbox", new Requirement.Sandbox("the pack's command checks run in it"));
            if (!u.program().contains("/") && !u.program().contains("{{")) {
                byComponent.putIfAbsent(u.program(), new Requirement.Command(u.program(), "check '" + u.check() + "' runs it",
                        KNOWN_PACKAGES.getOrDefault(u.program(), u.program())));
            }
        }
        // declared entries say why in the author's words, so they replace derived ones
        for (Requirement.Command r : declared) byComponent.put(r.command(), r);
        return List.copyOf(byComponent.values());
    }

    /** Debian/Ubuntu packages of commands whose package is not named like them. */
    private static final Map<String, String> KNOWN_PACKAGES = Map.of("sh", "dash", "python3", "python3", "node", "nodejs",
            "awk", "gawk", "timeout", "coreutils");
}
