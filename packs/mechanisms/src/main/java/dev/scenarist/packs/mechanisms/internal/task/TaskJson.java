package dev.scenarist.packs.mechanisms.internal.task;

import dev.scenarist.packs.mechanisms.scene.Control;
import dev.scenarist.packs.mechanisms.scene.Design;
import dev.scenarist.packs.mechanisms.scene.DesignedPart;
import dev.scenarist.packs.mechanisms.scene.Solution;
import dev.scenarist.packs.mechanisms.scene.Task;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes {@code task.json} and solution files. Hand-written JSON because it runs in the sandbox, where only the JDK
 * and the scene API are on the class path; {@link TaskReader} reads both back.
 */
public final class TaskJson {
    /** The task format's version; the schema's {@code $id} ends with it. */
    public static final int FORMAT = 1;
    public static final String TASK_FILE = "task.json";
    public static final String TASK_SCHEMA = "task.schema.json";
    public static final String SOLUTION_SCHEMA = "solution.schema.json";

    private TaskJson() {}

    public static String task(Task t) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": ").append(FORMAT).append(",\n");
        b.append("  \"subject\": {\"kind\": ").append(quote(t.subject().kind().name().toLowerCase(Locale.ROOT)))
                .append(", \"name\": ").append(quote(t.subject().name())).append("},\n");
        b.append("  \"objective\": {\"goal_zone\": ").append(quote(t.goalZone()))
                .append(", \"hold_seconds\": ").append(num(t.holdSeconds()))
                .append(", \"time_limit\": ").append(num(t.timeLimit()))
                .append(", \"forbid_zones\": ").append(list(t.forbidZones(), TaskJson::quote))
                .append(", \"effort_budget\": ").append(t.effortBudget() > 0 ? num(t.effortBudget()) : "null")
                .append(", \"planar\": ").append(t.planar()).append("},\n");
        if (t.design().allowsParts()) b.append("  \"design\": ").append(design(t.design())).append(",\n");
        b.append("  \"controls\": [");
        for (int i = 0; i < t.controls().size(); i++) {
            b.append(i == 0 ? "\n    " : ",\n    ").append(control(t.controls().get(i)));
        }
        return b.append("\n  ]\n}\n").toString();
    }

    public static String solution(Solution s) {
        StringBuilder b = new StringBuilder("{\n");
        if (!s.parts().isEmpty()) {
            b.append("  \"parts\": [");
            for (int i = 0; i < s.parts().size(); i++) b.append(i == 0 ? "\n    " : ",\n    ").append(part(s.parts().get(i)));
            b.append("\n  ],\n");
        }
        b.append("  \"schedule\": [");
        for (int i = 0; i < s.schedule().size(); i++) {
            Solution.Command c = s.schedule().get(i);
            b.append(i == 0 ? "\n    " : ",\n    ")
                    .append("{\"t\": ").append(num(c.t()))
                    .append(", \"control\": ").append(quote(c.control()))
                    .append(", \"mode\": ").append(quote(c.mode().name().toLowerCase(Locale.ROOT)))
                    .append(", \"value\": ").append(num(c.value()));
            if (c.mode() == Solution.Command.Mode.HOLD) b.append(", \"kp\": ").append(num(c.kp())).append(", \"kd\": ").append(num(c.kd()));
            b.append('}');
        }
        return b.append(s.schedule().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String design(Design d) {
        return "{\"build_zones\": " + list(d.buildZones(), TaskJson::quote) + ", \"max_parts\": " + d.maxParts()
                + ", \"max_mass\": " + (d.maxMass() > 0 ? num(d.maxMass()) : "null")
                + ", \"max_volume\": " + (d.maxVolume() > 0 ? num(d.maxVolume()) : "null") + "}";
    }

    private static String part(DesignedPart p) {
        return "{\"name\": " + quote(p.name()) + ", \"shape\": " + quote(p.shape().name().toLowerCase(Locale.ROOT))
                + ", \"size\": " + list(p.size(), TaskJson::num)
                + ", \"pos\": [" + num(p.position().x()) + ", " + num(p.position().y()) + ", " + num(p.position().z()) + "]"
                + ", \"quat\": [" + num(p.orientation().w()) + ", " + num(p.orientation().x()) + ", " + num(p.orientation().y())
                + ", " + num(p.orientation().z()) + "]"
                + (p.mass() > 0 ? ", \"mass\": " + num(p.mass()) : ", \"density\": " + num(p.density()))
                + ", \"weld_to\": " + (p.free() ? "null" : quote(p.weldedTo())) + "}";
    }

    private static String control(Control c) {
        return switch (c) {
            case Control.Actuator a -> "{\"name\": " + quote(a.name()) + ", \"kind\": \"actuator\", \"min\": " + num(a.min())
                    + ", \"max\": " + num(a.max()) + "}";
            case Control.Push p -> "{\"name\": " + quote(p.name()) + ", \"kind\": \"push\", \"body\": " + quote(p.body())
                    + ", \"site\": " + (p.site().isEmpty() ? "null" : quote(p.site()))
                    + ", \"direction\": [" + num(p.direction().x()) + ", " + num(p.direction().y()) + ", " + num(p.direction().z()) + "]"
                    + ", \"min\": " + num(p.min()) + ", \"max\": " + num(p.max()) + "}";
        };
    }

    private static <T> String list(List<T> items, Function<T, String> each) {
        return "[" + String.join(", ", items.stream().map(each).toList()) + "]";
    }

    /** Shortest text that reads back to the same double (finite: the scene API refuses the others). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
