package dev.scenarist.packs.appworld.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.seed.SeedException;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.scenario.EventAction.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario document strictly: unknown fields, wrong types, a kind that does not match its body, a missing
 * section — each is a {@link ScenarioFormatException} naming the JSON path and the fix. What a reader cannot see
 * (a tool that does not exist, a dependency cycle, a bad seed value) is left to the checks, which report all
 * problems at once instead of stopping at the first.
 */
public final class ScenarioReader {
    /** The apps a scenario can be about (the system app and the agent-user interface are in every scenario). */
    static final Set<String> CORE_APP_NAMES = Set.of("ContactsApp", "CalendarApp", "EmailClientApp", "MessagingApp", "ShoppingApp",
            "CabApp", "ApartmentListingApp", "ReminderApp", "NoteApp");
    static final Set<String> TOP = Set.of("id", "title", "description", "start_time", "persona", "core_apps", "apps", "events", "validation");
    private static final Set<String> EVENT = Set.of("id", "kind", "depends_on", "delay_seconds", "condition", "trigger", "proposal", "user_reply", "action");
    private static final List<String> ORACLE_BODIES = List.of("proposal", "user_reply", "action");
    private final ObjectMapper json = new ObjectMapper();

    public Scenario read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException("$", "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(),
                    "write one JSON object");
        }
        return read(root);
    }

    public Scenario read(JsonNode root) {
        return read(root, false);
    }

    /**
     * A scenario still being written, one section after another: the description is required and every section
     * present is read as strictly as by {@link #read(JsonNode)}; an absent section is empty (no apps, no events, no
     * goals), which only the checks of the steps that come before it may see.
     */
    public Scenario readDraft(JsonNode root) {
        return read(root, true);
    }

    private Scenario read(JsonNode root, boolean draft) {
        try {
            return document(new SeedNode(root, "$"), draft);
        } catch (SeedException e) {
            throw new ScenarioFormatException(e.path(), e.getMessage().substring(e.path().length() + 2), fixFor(e));
        }
    }

    private Scenario document(SeedNode root, boolean draft) {
        root.object(TOP);
        String id = root.string("id");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,79}")) {
            throw new ScenarioFormatException("$.id", "\"" + id + "\" is not an id", "use 1-80 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        Instant start = root.instant("start_time");
        Optional<Persona> persona = root.has("persona") ? Optional.of(persona(root.child("persona"))) : Optional.empty();
        if (draft && !root.has("apps")) {
            Description description = new Description(id, nonBlank(root, "title"), nonBlank(root, "description"), start, persona, coreApps(root));
            return new Scenario(description, new ObjectMapper().createObjectNode(), List.of(), new Validation(List.of()));
        }
        SeedNode apps = root.child("apps");
        if (!apps.json().isObject()) throw new ScenarioFormatException(apps.path(), "expected a JSON object of app seeds", "write {\"EmailClientApp\": {...}, ...}");
        List<ScenarioEvent> events = new ArrayList<>();
        for (SeedNode e : root.list("events")) events.add(event(e));
        if (!root.has("events") && !draft) throw new ScenarioFormatException("$.events", "required field is missing", "add the event flow, starting with an environment trigger");
        Description description = new Description(id, nonBlank(root, "title"), nonBlank(root, "description"), start, persona, coreApps(root));
        Validation validation = draft && !root.has("validation") ? new Validation(List.of()) : validation(root.child("validation"));
        return new Scenario(description, (ObjectNode) apps.json(), events, validation);
    }

    /** The optional {@code core_apps}: names of the phone's apps, each once. */
    private static List<String> coreApps(SeedNode root) {
        if (!root.has("core_apps")) return List.of();
        List<String> apps = root.strings("core_apps");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            String app = apps.get(i);
            if (!CORE_APP_NAMES.contains(app)) {
                throw new ScenarioFormatException("$.core_apps[" + i + "]", "\"" + app + "\" is not an app of the phone",
                        "use the apps' names: " + String.join(", ", new java.util.TreeSet<>(CORE_APP_NAMES)));
            }
            if (!seen.add(app)) throw new ScenarioFormatException("$.core_apps[" + i + "]", "\"" + app + "\" is listed twice", "list each app once");
        }
        return apps;
    }

    private static Persona persona(SeedNode p) {
        p.object(Set.of("name", "description"));
        return new Persona(nonBlank(p, "name"), nonBlank(p, "description"));
    }

    private ScenarioEvent event(SeedNode e) {
        e.object(EVENT);
        String id = e.string("id");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) throw new ScenarioFormatException(e.path() + ".id", "\"" + id + "\" is not an event id", "use 1-64 letters, digits, '-' or '_'");
        String kind = e.string("kind");
        long delay = e.integer("delay_seconds", 0);
        if (delay < 0) throw new ScenarioFormatException(e.path() + ".delay_seconds", "is " + delay, "use 0 or more seconds");
        Optional<String> condition = e.optString("condition");
        EventAction action = switch (kind) {
            case "env" -> {
                for (String body : ORACLE_BODIES) {
                    if (e.has(body)) throw new ScenarioFormatException(e.path() + "." + body, "an env event has a trigger, not a " + body, "use kind \"oracle\" or replace it with \"trigger\"");
                }
                yield trigger(e.child("trigger"));
            }
            case "oracle" -> oracle(e);
            default -> throw new ScenarioFormatException(e.path() + ".kind", "\"" + kind + "\" is not an event kind", "use \"env\" or \"oracle\"");
        };
        return new ScenarioEvent(id, e.strings("depends_on"), delay, condition, action);
    }

    private static EventAction trigger(SeedNode t) {
        t.object(Set.of("tool", "args", "notification"));
        return new EventAction.Trigger(t.string("tool"), args(t), t.optString("notification"));
    }

    private static EventAction oracle(SeedNode e) {
        if (e.has("trigger")) throw new ScenarioFormatException(e.path() + ".trigger", "an oracle event has no trigger", "use kind \"env\", or one of proposal, user_reply, action");
        List<String> bodies = ORACLE_BODIES.stream().filter(e::has).toList();
        if (bodies.size() != 1) {
            throw new ScenarioFormatException(e.path(), bodies.isEmpty() ? "an oracle event needs a body" : "an oracle event has one body, got " + bodies,
                    "give exactly one of proposal, user_reply, action");
        }
        SeedNode b = e.child(bodies.getFirst());
        return switch (bodies.getFirst()) {
            case "proposal" -> {
                b.object(Set.of("content", "cites"));
                yield new EventAction.Proposal(nonBlank(b, "content"), b.string("cites"));
            }
            case "user_reply" -> {
                b.object(Set.of("answer", "content"));
                String answer = b.string("answer");
                Answer a = switch (answer) {
                    case "accept" -> Answer.ACCEPT;
                    case "reject" -> Answer.REJECT;
                    case "message" -> Answer.MESSAGE;
                    default -> throw new ScenarioFormatException(b.path() + ".answer", "\"" + answer + "\" is not an answer", "use accept, reject or message");
                };
                if (a == Answer.MESSAGE && b.string("content", "").isBlank()) {
                    throw new ScenarioFormatException(b.path() + ".content", "a message answer needs content", "write what the user tells the agent");
                }
                yield new EventAction.UserReply(a, b.string("content", ""));
            }
            default -> {
                b.object(Set.of("tool", "args"));
                yield new EventAction.AgentAction(b.string("tool"), args(b));
            }
        };
    }

    private static ObjectNode args(SeedNode node) {
        if (!node.has("args")) return new ObjectMapper().createObjectNode();
        JsonNode a = node.json().get("args");
        if (!a.isObject()) throw new ScenarioFormatException(node.path() + ".args", "expected a JSON object of arguments", "write {\"name\": value, ...}");
        return (ObjectNode) a;
    }

    private static Validation validation(SeedNode v) {
        v.object(Set.of("goals"));
        List<Validation.Goal> goals = new ArrayList<>();
        for (SeedNode g : v.list("goals")) {
            g.object(Set.of("id", "predicates", "rationale"));
            List<String> predicates = g.strings("predicates");
            if (predicates.isEmpty() || predicates.size() > Validation.Goal.MAX_PREDICATES) {
                throw new ScenarioFormatException(g.path() + ".predicates", "has " + predicates.size() + " predicates",
                        "give 1 to " + Validation.Goal.MAX_PREDICATES + " equivalent CEL predicates (any one passing meets the goal)");
            }
            goals.add(new Validation.Goal(g.string("id"), predicates, nonBlank(g, "rationale")));
        }
        if (goals.isEmpty()) throw new ScenarioFormatException(v.path() + ".goals", "no goals", "add at least one goal the agent's actions must meet");
        return new Validation(goals);
    }

    private static String nonBlank(SeedNode n, String field) {
        String s = n.string(field);
        if (s.isBlank()) throw new ScenarioFormatException(n.path() + "." + field, "is blank", "write a non-empty " + field.replace('_', ' '));
        return s;
    }

    /** SeedNode's messages already carry "did you mean"; the fix restates the expected shape. */
    private static String fixFor(SeedException e) {
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("unknown field")) return "remove the field or correct its name (unknown fields are refused)";
        if (m.contains("missing")) return "add the field";
        if (m.contains("datetime")) return "write the time as YYYY-MM-DD HH:MM:SS (UTC), e.g. " + SimClock.format(Instant.EPOCH);
        return "give the value the type the message names";
    }
}
