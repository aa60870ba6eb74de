package dev.scenarist.packs.mechanisms.internal.task;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.packs.mechanisms.scene.Control;
import dev.scenarist.packs.mechanisms.scene.Design;
import dev.scenarist.packs.mechanisms.scene.DesignedPart;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code task.json} and solution files back into the scene API's {@link Task} and {@link Solution}. Every fault
 * is a {@link TaskFormatException} naming the file, the line and the field, and what is expected there; a solution
 * is also checked against its task (every command names one of the task's controls).
 */
public final class TaskReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMAND_FIELDS = Set.of("t", "control", "mode", "value", "kp", "kd");
    private static final Set<String> PART_FIELDS = Set.of("name", "shape", "size", "pos", "quat", "mass", "density", "weld_to");

    private TaskReader() {}

    public static Task task(String text, String file) {
        JsonNode root = tree(text, file);
        try {
            int format = root.path("format").asInt(-1);
            if (format != TaskJson.FORMAT) throw new IllegalArgumentException("format must be " + TaskJson.FORMAT + ", was " + root.path("format"));
            JsonNode s = root.path("subject");
            Task.Subject subject = new Task.Subject(Task.Subject.Kind.valueOf(s.path("kind").asText("").toUpperCase(Locale.ROOT)), s.path("name").asText(null));
            JsonNode o = root.path("objective");
            List<String> forbid = new ArrayList<>();
            o.path("forbid_zones").forEach(z -> forbid.add(z.asText()));
            List<Control> controls = new ArrayList<>();
            for (JsonNode c : root.path("controls")) controls.add(control(c));
            return new Task(subject, new Task.Objective(o.path("goal_zone").asText(null), number(o, "hold_seconds"), number(o, "time_limit"),
                    forbid, o.path("effort_budget").isNumber() ? o.get("effort_budget").asDouble() : 0, o.path("planar").asBoolean(false)), controls,
                    design(root.path("design")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TaskFormatException(file, 1, "not a valid task: " + e.getMessage() + "; see " + TaskJson.TASK_SCHEMA);
        }
    }

    private static Design design(JsonNode d) {
        if (d.isMissingNode() || d.isNull()) return Design.none();
        List<String> zones = new ArrayList<>();
        d.path("build_zones").forEach(z -> zones.add(z.asText()));
        return new Design(zones, d.path("max_parts").asInt(0), d.path("max_mass").isNumber() ? d.get("max_mass").asDouble() : 0,
                d.path("max_volume").isNumber() ? d.get("max_volume").asDouble() : 0);
    }

    private static Control control(JsonNode c) {
        String kind = c.path("kind").asText("");
        return switch (kind) {
            case "actuator" -> new Control.Actuator(c.path("name").asText(null), number(c, "min"), number(c, "max"));
            case "push" -> {
                JsonNode d = c.path("direction");
                yield new Control.Push(c.path("name").asText(null), c.path("body").asText(null), c.path("site").asText(""),
                        Vec3.of(d.path(0).asDouble(), d.path(1).asDouble(), d.path(2).asDouble()), number(c, "min"), number(c, "max"));
            }
            default -> throw new IllegalArgumentException("control kind must be actuator or push, was '" + kind + "'");
        };
    }

    /**
     * A solution: {@code {"parts": [...], "schedule": [{"t", "control", "mode": "set"|"hold", "value", "kp", "kd"}, ...]}},
     * each command checked against {@code task} and each part read, named by its line when wrong. Parts are refused
     * here only when the task lets the agent build nothing; where they lie and the budget are judged when played.
     */
    public static Solution solution(String text, String file, Task task) {
        Set<String> controls = new java.util.HashSet<>(task.controls().stream().map(Control::name).toList());
        List<Solution.Command> commands = new ArrayList<>();
        List<DesignedPart> parts = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, p, file, "a solution is a JSON object {\"schedule\": [...]}");
            boolean sawSchedule = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("parts")) {
                    int at = line(p.currentTokenLocation());
                    expect(value == JsonToken.START_ARRAY, p, file, "\"parts\" must be an array of parts");
                    if (!task.design().allowsParts()) {
                        throw new TaskFormatException(file, at, "parts: this task declares no design (no build zones), so a solution may"
                                + " only drive its controls; remove \"parts\"");
                    }
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = line(p.currentTokenLocation());
                        parts.add(part(p.readValueAsTree(), file, line, "parts[" + index++ + "]"));
                    }
                    continue;
                }
                if (!field.equals("schedule")) {
                    throw new TaskFormatException(file, line(p.currentTokenLocation()), "unknown field '" + field + "': a solution has \"parts\" and \"schedule\"");
                }
                sawSchedule = true;
                expect(value == JsonToken.START_ARRAY, p, file, "\"schedule\" must be an array of commands");
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = line(p.currentTokenLocation());
                    JsonNode c = p.readValueAsTree();
                    commands.add(command(c, file, line, "schedule[" + index++ + "]", controls));
                }
            }
            expect(sawSchedule, p, file, "a solution needs \"schedule\" (an empty array does nothing)");
        } catch (JsonProcessingException e) {
            throw new TaskFormatException(file, line(e.getLocation()), "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TaskFormatException(file, 1, "cannot read: " + e.getMessage());
        }
        try {
            return new Solution(parts, commands);
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(file, 1, "parts: " + e.getMessage());
        }
    }

    private static DesignedPart part(JsonNode c, String file, int line, String path) {
        if (c == null || !c.isObject()) throw new TaskFormatException(file, line, path + " must be an object {\"name\", \"shape\", \"size\", \"pos\", ...}");
        c.fieldNames().forEachRemaining(f -> {
            if (!PART_FIELDS.contains(f)) throw new TaskFormatException(file, line, path + ": unknown field '" + f + "'; a part has " + PART_FIELDS);
        });
        String shape = c.path("shape").asText("");
        DesignedPart.Shape kind;
        try {
            kind = DesignedPart.Shape.valueOf(shape.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(file, line, path + ".shape: '" + shape + "' must be box, sphere, capsule or cylinder");
        }
        double[] size = numbers(c, "size", -1, file, line, path);
        double[] pos = numbers(c, "pos", 3, file, line, path);
        double[] quat = c.has("quat") ? numbers(c, "quat", 4, file, line, path) : new double[] {1, 0, 0, 0};
        JsonNode weld = c.path("weld_to");
        try {
            List<Double> sizes = new ArrayList<>();
            for (double v : size) sizes.add(v);
            return new DesignedPart(c.path("name").asText(null), kind, sizes, Vec3.of(pos[0], pos[1], pos[2]),
                    Quat.of(quat[0], quat[1], quat[2], quat[3]), new DesignedPart.Heft(c.path("mass").asDouble(0), c.path("density").asDouble(0)))
                    .weldedTo(weld.isTextual() ? weld.asText() : "");
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(file, line, path + ": " + e.getMessage());
        }
    }

    /** An array of numbers ({@code count} of them, or any number when negative). */
    private static double[] numbers(JsonNode c, String field, int count, String file, int line, String path) {
        JsonNode a = c.get(field);
        if (a == null || !a.isArray() || (count >= 0 && a.size() != count)) {
            throw new TaskFormatException(file, line, path + "." + field + " must be an array of " + (count >= 0 ? count + " " : "") + "numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) throw new TaskFormatException(file, line, path + "." + field + "[" + i + "] must be a number");
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static Solution.Command command(JsonNode c, String file, int line, String path, Set<String> controls) {
        if (c == null || !c.isObject()) throw new TaskFormatException(file, line, path + " must be an object {\"t\", \"control\", \"mode\", \"value\"}");
        c.fieldNames().forEachRemaining(f -> {
            if (!COMMAND_FIELDS.contains(f)) throw new TaskFormatException(file, line, path + ": unknown field '" + f + "'; a command has " + COMMAND_FIELDS);
        });
        String control = c.path("control").asText("");
        if (!controls.contains(control)) {
            throw new TaskFormatException(file, line, path + ".control: '" + control + "' is not a control of the task; use one of " + controls.stream().sorted().toList());
        }
        String mode = c.path("mode").asText("set");
        try {
            return switch (mode) {
                case "set" -> Solution.Command.set(need(c, "t", file, line, path), control, need(c, "value", file, line, path));
                case "hold" -> Solution.Command.hold(need(c, "t", file, line, path), control, need(c, "value", file, line, path),
                        need(c, "kp", file, line, path), c.path("kd").asDouble(0));
                default -> throw new TaskFormatException(file, line, path + ".mode: '" + mode + "' must be \"set\" (open loop) or \"hold\" (feedback on a push)");
            };
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(file, line, path + ": " + e.getMessage());
        }
    }

    private static double need(JsonNode c, String field, String file, int line, String path) {
        JsonNode v = c.get(field);
        if (v == null || !v.isNumber()) throw new TaskFormatException(file, line, path + "." + field + " must be a number");
        return v.asDouble();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) throw new IllegalArgumentException(field + " must be a number");
        return v.asDouble();
    }

    private static JsonNode tree(String text, String file) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TaskFormatException(file, line(e.getLocation()), "not JSON: " + e.getOriginalMessage());
        }
    }

    private static void expect(boolean ok, JsonParser p, String file, String message) {
        if (!ok) throw new TaskFormatException(file, line(p.currentTokenLocation()), message);
    }

    private static int line(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? 1 : l.getLineNr();
    }
}
