package dev.scenarist.packs.services.internal.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.services.format.ErrorClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one dry-run did: each task's outcome, and for the built-in dry-run the database it loaded (its scratch names and
 * the rows each table held before it was dropped — the proof that schema.sql and seed.sql really loaded).
 *
 * @param mode      {@code built-in} or {@code command} (the user's dry-run command)
 * @param tableRows table name → rows, read back as the role before the database was dropped; empty when none loaded
 */
public record DryRunReport(String mode, List<TaskOutcome> outcomes, Map<String, Long> tableRows, Optional<String> database,
                           Optional<String> role) {
    /** The code of the summary note every dry-run adds to its findings. */
    public static final String SUMMARY_CODE = "SVC_DRY_RUN_SUMMARY";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DryRunReport {
        outcomes = List.copyOf(outcomes);
        tableRows = Collections.unmodifiableMap(new LinkedHashMap<>(tableRows));
    }

    /** Every finding of every task, in order. */
    public List<Finding> findings() {
        return outcomes.stream().flatMap(o -> o.findings().stream()).toList();
    }

    /** Error findings counted by class, every class present (zero counts too) in the enum's order. */
    public Map<ErrorClass, Integer> countsByClass() {
        Map<ErrorClass, Integer> counts = new EnumMap<>(ErrorClass.class);
        for (ErrorClass c : ErrorClass.values()) counts.put(c, 0);
        for (Finding f : findings()) {
            if (f.isError()) ErrorClass.ofCode(f.code()).ifPresent(c -> counts.merge(c, 1, Integer::sum));
        }
        return counts;
    }

    /** One line: how many tasks ran, the error counts by class, and what the database held. */
    public String summary() {
        long done = outcomes.stream().filter(o -> o.status() == TaskOutcome.Status.DONE).count();
        long failed = outcomes.stream().filter(o -> o.status() == TaskOutcome.Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == TaskOutcome.Status.SKIPPED).count();
        StringBuilder b = new StringBuilder("dry-run (").append(mode).append("): ").append(done).append(" done, ").append(failed)
                .append(" failed, ").append(skipped).append(" skipped; errors by class:");
        countsByClass().forEach((c, n) -> b.append(' ').append(c.label()).append('=').append(n));
        if (!tableRows.isEmpty()) {
            long rows = tableRows.values().stream().mapToLong(Long::longValue).sum();
            b.append("; PostgreSQL held ").append(tableRows.size()).append(" tables, ").append(rows).append(" rows");
        }
        return b.toString();
    }

    /** The findings with the summary note last: what the check returns. */
    public List<Finding> findingsWithSummary(String reportLocation) {
        List<Finding> out = new ArrayList<>(findings());
        out.add(new Finding(SUMMARY_CODE, Severity.INFO, summary(), reportLocation, ""));
        return out;
    }

    /** Writes {@code report.json} and each task's stdout and stderr ({@code NN-task.stdout.txt}) into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", mode);
        root.put("summary", summary());
        database.ifPresent(d -> root.put("database", d));
        role.ifPresent(r -> root.put("role", r));
        ObjectNode counts = root.putObject("errors_by_class");
        countsByClass().forEach((c, n) -> counts.put(c.name().toLowerCase(Locale.ROOT), n));
        ObjectNode tables = root.putObject("tables");
        tableRows.forEach(tables::put);
        ArrayNode tasks = root.putArray("tasks");
        int i = 0;
        for (TaskOutcome o : outcomes) {
            String stem = String.format(Locale.ROOT, "%02d-%s", ++i, o.step().task().replaceAll("[^A-Za-z0-9._-]", "_"));
            ObjectNode t = tasks.addObject();
            t.put("phase", o.step().phase()).put("task", o.step().task()).put("type", o.step().type())
                    .put("status", o.status().name().toLowerCase(Locale.ROOT)).put("summary", o.summary());
            ArrayNode fs = t.putArray("findings");
            o.findings().forEach(f -> fs.add(f.renderForPeople()));
            if (!o.output().stdout().isEmpty()) {
                Files.writeString(dir.resolve(stem + ".stdout.txt"), o.output().stdout(), StandardCharsets.UTF_8);
                t.put("stdout", stem + ".stdout.txt");
            }
            if (!o.output().stderr().isEmpty()) {
                Files.writeString(dir.resolve(stem + ".stderr.txt"), o.output().stderr(), StandardCharsets.UTF_8);
                t.put("stderr", stem + ".stderr.txt");
            }
        }
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    }
}
