package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.pack.Requirement;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code requires:} of a pack.yaml, and the lenient reading of a pack's requirements the preflight needs. */
final class RequiresReader {
    private static final String REQUIRES_EXAMPLE = "e.g. requires: [{command: sqlite3, package: sqlite3, why: the checks load the database}]";
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private RequiresReader() {}

    /**
     * Only what {@link dev.scenarist.packs.yaml.YamlPack#requirements()} needs, read leniently: each command check's name and program, and
     * {@code requires:}. The preflight uses it to learn a pack's requirements without compiling its schemas and
     * checks; a mistake elsewhere in the file is skipped here and reported, with its line, by {@link DefinitionReader#read}.
     */
    static List<Requirement> readRequirements(Node rootNode) {
        if (!(rootNode instanceof MapNode root)) return List.of();
        List<PackRequirements.CommandUse> uses = new ArrayList<>();
        if (root.get("stages").orElse(null) instanceof ListNode stages) {
            for (Node stage : stages.items()) {
                if (!(stage instanceof MapNode s) || !(s.get("checks").orElse(null) instanceof ListNode checks)) continue;
                for (Node check : checks.items()) {
                    if (!(check instanceof MapNode c) || !(c.get("type").orElse(null) instanceof ScalarNode type)
                            || !type.text().equals("command")) continue;
                    if (!(c.get("argv").orElse(null) instanceof ListNode argv) || argv.items().isEmpty()
                            || !(argv.items().getFirst() instanceof ScalarNode program)) continue;
                    String name = c.get("name").orElse(null) instanceof ScalarNode n ? n.text() : "command";
                    uses.add(new PackRequirements.CommandUse(name, program.text()));
                }
            }
        }
        List<Requirement.Command> requires = root.get("requires").map(RequiresReader::read).orElse(List.of());
        return PackRequirements.derive(uses, requires);
    }

    /**
     * {@code requires:}: the commands the pack's check scripts run (a script's own commands cannot be read from its
     * argv), so a machine without them is told before a campaign starts. An item is a command name, or
     * {@code {command, package, why}} where package is the Debian/Ubuntu package (default: the command's name).
     */
    static List<Requirement.Command> read(Node node) {
        ListNode list = node.asList(REQUIRES_EXAMPLE);
        List<Requirement.Command> out = new ArrayList<>();
        for (Node item : list.items()) {
            Requirement.Command c = switch (item) {
                case MapNode m -> {
                    m.allowOnly(List.of("command", "package", "why"), "a requires item");
                    String command = commandName(m.require("command", REQUIRES_EXAMPLE));
                    String pkg = m.get("package").map(n -> n.asText("e.g. package: sqlite3")).orElse(command);
                    String why = m.get("why").map(n -> n.asText("e.g. why: the checks load the database")).orElse("the pack's checks run it");
                    yield new Requirement.Command(command, why, pkg);
                }
                default -> new Requirement.Command(commandName(item), "the pack's checks run it", commandName(item));
            };
            out.add(c);
        }
        return out;
    }

    private static String commandName(Node n) {
        String command = n.asText(REQUIRES_EXAMPLE);
        if (!COMMAND_NAME.matcher(command).matches()) {
            throw n.error("'" + command + "' is not a command name", "name a command found on the PATH, without a folder, e.g. sqlite3");
        }
        return command;
    }
}
