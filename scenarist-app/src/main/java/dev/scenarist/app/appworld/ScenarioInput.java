package dev.scenarist.app.appworld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.seed.SeedException;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFormatException;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads appworld scenarios from disk, in the three shapes they come in: a scenario document ({@code scenario.json} or
 * any {@code .json} file), an accepted scenario folder ({@code scenario.json} and {@code metadata.json}), or a run's
 * workspace holding the four section files ({@code description.json}, {@code apps.json}, {@code events.json},
 * {@code validation.json}) whose top-level fields together are the document. Every problem is a
 * {@link ConfigException} naming the file, the JSON path and the fix; the seed is loaded into a phone once, so a bad
 * seed is reported here rather than in the middle of a play.
 */
public final class ScenarioInput {
    public static final String DOCUMENT = "scenario.json";
    public static final String METADATA = "metadata.json";
    public static final List<String> SECTIONS = List.of("description.json", "apps.json", "events.json", "validation.json");
    static final String SHAPES = "give a scenario.json file, an accepted scenario folder (scenario.json, metadata.json) or a run's"
            + " workspace folder (description.json, apps.json, events.json, validation.json)";
    private static final Pattern TOP_FIELD = Pattern.compile("^\\$\\.([A-Za-z_]+)");
    private final ObjectMapper json = new ObjectMapper();
    private final ScenarioReader reader = new ScenarioReader();

    /** Reads the scenario at {@code path} (a file or a folder). */
    public LoadedScenario load(Path path) {
        if (!Files.exists(path)) throw new ConfigException("no scenario at " + path + "; " + SHAPES);
        if (!Files.isDirectory(path)) {
            Path sibling = path.getFileName().toString().equals(DOCUMENT) && path.getParent() != null ? path.getParent().resolve(METADATA) : null;
            return checked(new LoadedScenario(document(path), path, metadata(sibling)));
        }
        if (Files.isRegularFile(path.resolve(DOCUMENT))) {
            return checked(new LoadedScenario(document(path.resolve(DOCUMENT)), path, metadata(path.resolve(METADATA))));
        }
        if (SECTIONS.stream().anyMatch(s -> Files.isRegularFile(path.resolve(s)))) {
            return checked(new LoadedScenario(sections(path), path, metadata(path.resolve(METADATA))));
        }
        throw new ConfigException(path + " is a folder with neither " + DOCUMENT + " nor the section files; " + SHAPES);
    }

    /** Whether {@code dir} is a scenario folder (a document or section files), as {@link #find} reads folders. */
    public static boolean isScenarioFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(DOCUMENT)) || SECTIONS.stream().anyMatch(s -> Files.isRegularFile(dir.resolve(s)));
    }

    /**
     * Every scenario under {@code root}, sorted: scenario folders (not looked into further) and the other {@code .json}
     * files (but {@code metadata.json}); hidden files and folders are skipped.
     */
    public static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) throw new ConfigException("--dir " + root + " is not a folder; give the folder that holds the scenarios");
        List<Path> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Path dir, List<Path> found) {
        if (isScenarioFolder(dir)) {
            found.add(dir);
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list " + dir + ": " + e.getMessage());
        }
        for (Path c : children) {
            if (Files.isDirectory(c)) collect(c, found);
            else if (c.getFileName().toString().endsWith(".json") && !c.getFileName().toString().equals(METADATA)) found.add(c);
        }
    }

    private Scenario document(Path file) {
        String text = read(file);
        try {
            return reader.read(text);
        } catch (ScenarioFormatException e) {
            throw format(file.toString(), e);
        }
    }

    private Scenario sections(Path dir) {
        List<String> missing = SECTIONS.stream().filter(s -> !Files.isRegularFile(dir.resolve(s))).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException(dir + " holds section files but not " + String.join(", ", missing)
                    + "; a workspace needs all four (" + String.join(", ", SECTIONS) + "), or give its scenario.json");
        }
        ObjectNode merged = json.createObjectNode();
        Map<String, String> owner = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            Path file = dir.resolve(s);
            JsonNode tree = parse(file);
            if (!tree.isObject()) throw new ConfigException(file + ": $: a section file must be one JSON object (fix: wrap its fields in {...})");
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                var f = it.next();
                JsonNode before = merged.get(f.getKey());
                if (before != null && !before.equals(f.getValue())) {
                    throw new ConfigException(dir + ": " + owner.get(f.getKey()) + " and " + s + " both set '" + f.getKey()
                            + "' to different values; keep the field in one section file");
                }
                merged.set(f.getKey(), f.getValue());
                owner.putIfAbsent(f.getKey(), s);
            }
        }
        try {
            return reader.read(merged);
        } catch (ScenarioFormatException e) {
            Matcher m = TOP_FIELD.matcher(e.path());
            String where = m.find() && owner.containsKey(m.group(1)) ? dir.resolve(owner.get(m.group(1))).toString()
                    : dir + " (the section files merged)";
            throw format(where, e);
        }
    }

    private Optional<ObjectNode> metadata(Path file) {
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        JsonNode tree = parse(file);
        if (!tree.isObject()) throw new ConfigException(file + ": $: metadata must be one JSON object (fix: rewrite it as {\"family\": ..., ...})");
        return Optional.of((ObjectNode) tree);
    }

    /** The seed loads into a phone: a bad value is reported with its JSON path now, not as an unplayable play later. */
    private static LoadedScenario checked(LoadedScenario s) {
        try {
            Phone.builder().startAt(s.scenario().startTime()).seed(s.scenario().apps()).build();
        } catch (SeedException e) {
            throw new ConfigException(s.source() + ": " + e.getMessage() + " (fix: correct the value in the scenario's apps section)");
        }
        return s;
    }

    private JsonNode parse(Path file) {
        try {
            return json.readTree(read(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": $: not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + " (fix: write one JSON object)");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage() + "; check the file's permissions");
        }
    }

    private static ConfigException format(String where, ScenarioFormatException e) {
        return new ConfigException(where + ": " + e.path() + ": " + e.problem() + (e.fix().isEmpty() ? "" : " (fix: " + e.fix() + ")"));
    }
}
