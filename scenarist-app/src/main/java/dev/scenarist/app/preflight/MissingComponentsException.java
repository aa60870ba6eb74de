package dev.scenarist.app.preflight;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Components a command needs are missing or unusable on this machine. A configuration error (exit 2), raised before
 * anything is stored: waiting or retrying cannot fix it, installing can. The message lists every missing component
 * with its fix, then one command installing all the packages at once.
 */
public final class MissingComponentsException extends RuntimeException {
    private final List<Component.Missing> missing;

    public MissingComponentsException(String pack, List<Component.Missing> missing, Machine machine) {
        super(message(pack, missing, machine));
        this.missing = List.copyOf(missing);
    }

    public List<Component.Missing> missing() {
        return missing;
    }

    private static String message(String pack, List<Component.Missing> missing, Machine machine) {
        StringBuilder b = new StringBuilder("pack '" + pack + "' cannot run on this machine; missing or unusable:");
        Set<String> packages = new LinkedHashSet<>();
        for (Component.Missing m : missing) {
            b.append("\n  - ").append(m.name()).append(" (").append(m.purpose()).append("): ").append(m.reason())
                    .append("\n      fix: ").append(m.fix());
            if (!m.aptPackage().isEmpty()) packages.add(m.aptPackage());
        }
        if (packages.size() > 1) b.append("\nInstall them all at once: ").append(machine.aptInstall(String.join(" ", packages)));
        b.append("\nNothing was stored. 'scenarist doctor --pack ").append(pack).append("' lists every component.");
        return b.toString();
    }
}
