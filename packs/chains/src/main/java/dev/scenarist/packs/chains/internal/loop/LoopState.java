package dev.scenarist.packs.chains.internal.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.internal.artifacts.ArtifactFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code loop_state.json}: the loop's progress, rewritten atomically after every completed iteration, so a loop
 * killed at any moment resumes from the last completed one (a half-done iteration is run again).
 */
final class LoopState {
    static final String FILE = "loop_state.json";
    static final String RUNNING = "running";

    private final ObjectNode json;

    private LoopState(ObjectNode json) {
        this.json = json;
    }

    /** The folder's state if it has one (a resume), else a new one. */
    static LoopState openOrStart(Path dir, String packId, Instant now) {
        Path f = dir.resolve(FILE);
        if (Files.exists(f)) {
            JsonNode n = ArtifactFiles.read(f);
            if (!n.path("pack_id").asText().equals(packId)) {
                throw new IllegalStateException(f + " belongs to pack '" + n.path("pack_id").asText() + "', not '" + packId
                        + "'; pass another --out or remove the folder");
            }
            return new LoopState((ObjectNode) n);
        }
        ObjectNode s = ArtifactFiles.object("loop_state").put("pack_id", packId).put("status", RUNNING).put("reason", "started")
                .put("next_iteration", 1).put("started_at", now.toString()).put("updated_at", now.toString()).put("resumes", 0);
        s.putArray("iterations");
        return new LoopState(s);
    }

    int nextIteration() {
        return json.path("next_iteration").asInt(1);
    }

    boolean finished() {
        return !RUNNING.equals(json.path("status").asText());
    }

    String status() {
        return json.path("status").asText();
    }

    String reason() {
        return json.path("reason").asText();
    }

    int lastScore() {
        ArrayNode its = (ArrayNode) json.path("iterations");
        return its.isEmpty() ? 0 : its.get(its.size() - 1).path("score").asInt();
    }

    int completed() {
        return json.path("iterations").size();
    }

    void resumed() {
        json.put("resumes", json.path("resumes").asInt() + 1);
    }

    void configure(int gate, int maxIterations, String coderCommand) {
        json.put("gate", gate).put("max_iterations", maxIterations);
        json.put("coder_command", coderCommand);
    }

    ObjectNode record(int iteration, ObjectNode summary, Instant now) {
        ObjectNode it = ((ArrayNode) json.get("iterations")).addObject().put("iteration", iteration);
        it.setAll(summary);
        it.put("finished_at", now.toString());
        json.put("next_iteration", iteration + 1).put("updated_at", now.toString());
        return it;
    }

    void end(String ending, String reason, Instant now) {
        json.put("status", ending).put("reason", reason).put("updated_at", now.toString());
    }

    void save(ArtifactFiles files, Path dir) {
        files.json(dir.resolve(FILE), json);
    }
}
