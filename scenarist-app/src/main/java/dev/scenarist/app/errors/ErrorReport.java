package dev.scenarist.app.errors;

import dev.scenarist.core.model.Json;
import dev.scenarist.packs.yaml.tree.FieldProblem;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failed invocation as the user sees it: the message on stderr, and under {@code --json} also one JSON document on
 * stdout, {@code {"error": {"code": "config", "message": "...", "exit": 2, "problems": [...]}}}, so a script that
 * parses stdout always gets a document, success or not.
 *
 * @param code     what kind of failure: {@code usage}, {@code config}, {@code interrupted} or {@code internal}
 * @param problems a configuration file's problems, each with file, line, column, field and fix; often empty
 */
public record ErrorReport(String code, String message, int exit, List<FieldProblem> problems) {
    public ErrorReport {
        problems = List.copyOf(problems);
    }

    public ErrorReport(String code, String message, int exit) {
        this(code, message, exit, List.of());
    }

    /** @param json whether the user asked for {@code --json} */
    public void print(boolean json, PrintWriter err, PrintStream out) {
        err.println("scenarist: " + message);
        err.flush();
        if (!json) return;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("exit", exit);
        if (!problems.isEmpty()) error.put("problems", problems.stream().map(ErrorReport::problem).toList());
        out.println(Json.pretty(Map.of("error", error)));
        out.flush();
    }

    private static Map<String, Object> problem(FieldProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.location().file());
        m.put("line", p.location().line());
        m.put("column", p.location().column());
        m.put("field", p.field());
        m.put("problem", p.problem());
        m.put("fix", p.fix());
        return m;
    }
}
