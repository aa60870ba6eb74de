package dev.scenarist.packs.appworld.internal.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFormatException;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.ScenarioWriter;
import dev.scenarist.packs.appworld.scenario.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario in a run's workspace: one file per {@link Section}, each a JSON object holding exactly that section's
 * top-level fields ({@code description.json}: id, title, description, start_time, persona, core_apps;
 * {@code apps.json}: apps; {@code events.json}: events; {@code validation.json}: validation). Each stage may edit only
 * its own file, so the engine's editable-files rule is the rule that a step edits only its section. The union of the
 * files is the scenario document, and JSON paths in findings are the document's.
 */
public final class SectionFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SectionFiles() {}

    public static String file(Section section) {
        return section.name().toLowerCase(Locale.ROOT) + ".json";
    }

    /** Whether a file name is one of the four section files. */
    public static boolean isSectionFile(String name) {
        for (Section s : Section.values()) if (file(s).equals(name)) return true;
        return false;
    }

    /** What reading the workspace gave: the draft scenario, or the findings that stop it being read. */
    public sealed interface Read {
        record Draft(Scenario scenario) implements Read {}

        record Unreadable(List<Finding> findings) implements Read {}
    }

    /**
     * Reads the sections up to and including {@code upTo} (each required) into a draft; later sections are ignored,
     * so a rewrite of an earlier step is checked without what was built on it.
     */
    public static Read read(Workspace workspace, Section upTo) {
        List<Finding> problems = new ArrayList<>();
        ObjectNode merged = JSON.createObjectNode();
        for (Section s : Section.values()) {
            if (s.ordinal() > upTo.ordinal()) break;
            String file = file(s);
            Optional<String> text = workspace.read(file);
            if (text.isEmpty()) {
                problems.add(Finding.error("SECTION_FILE_MISSING", file + " is missing", file, "write " + file + " with the " + s.name().toLowerCase(Locale.ROOT) + " section " + s.fields()));
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text.get());
            } catch (JsonProcessingException e) {
                problems.add(Finding.error("SECTION_NOT_JSON", file + " is not JSON: " + e.getOriginalMessage(),
                        file + ":" + e.getLocation().getLineNr(), "write one JSON object"));
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(Finding.error("SECTION_NOT_JSON", file + " must hold one JSON object", file, "write {" + fieldsList(s) + "}"));
                continue;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!s.fields().contains(field)) {
                    problems.add(Finding.error("FIELD_OUTSIDE_SECTION", file + " holds \"" + field + "\", which is not part of the "
                            + s.name().toLowerCase(Locale.ROOT) + " section", file + " $." + field,
                            "keep only " + s.fields() + " in " + file + (owner(field).map(o -> "; \"" + field + "\" belongs in " + file(o)).orElse(""))));
                }
            }
            merged.setAll((ObjectNode) node);
        }
        if (!problems.isEmpty()) return new Read.Unreadable(problems);
        try {
            return new Read.Draft(new ScenarioReader().readDraft(merged));
        } catch (ScenarioFormatException e) {
            String path = e.path();
            String file = owner(topField(path)).map(SectionFiles::file).orElse(file(Section.DESCRIPTION));
            return new Read.Unreadable(List.of(Finding.error(ScenarioFormatException.CODE, e.problem(), file + " " + path, e.fix())));
        }
    }

    /** The whole scenario document, when every section file is present and valid. */
    public static Scenario readComplete(Workspace workspace) {
        return switch (read(workspace, Section.VALIDATION)) {
            case Read.Draft d -> new ScenarioReader().read(new ScenarioWriter().toJson(d.scenario()));
            case Read.Unreadable u -> throw new IllegalStateException("the scenario is incomplete: " + u.findings().getFirst().message());
        };
    }

    /** The section files of a scenario, as an author writes them. */
    public static Map<Section, String> split(Scenario scenario) {
        ObjectNode doc = new ScenarioWriter().toJson(scenario);
        Map<Section, String> out = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            ObjectNode part = JSON.createObjectNode();
            for (String f : s.fields()) if (doc.has(f)) part.set(f, doc.get(f));
            try {
                out.put(s, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(part) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The section that owns a top-level field. */
    public static Optional<Section> owner(String field) {
        for (Section s : Section.values()) if (s.fields().contains(field)) return Optional.of(s);
        return Optional.empty();
    }

    /** "apps" of "$.apps.CalendarApp.events[0]"; "" for "$". */
    static String topField(String jsonPath) {
        String rest = jsonPath.startsWith("$.") ? jsonPath.substring(2) : "";
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') end++;
        return rest.substring(0, end);
    }

    private static String fieldsList(Section s) {
        return String.join(", ", s.fields().stream().map(f -> "\"" + f + "\": …").toList());
    }
}
