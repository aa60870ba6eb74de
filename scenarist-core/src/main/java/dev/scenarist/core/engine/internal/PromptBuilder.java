package dev.scenarist.core.engine.internal;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.EditPolicy;
import dev.scenarist.core.workspace.ReplyParser;
import dev.scenarist.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a stage's prompt. The stable prefix (system) holds the pack context, the stage's instructions and
 * the reply format, so provider prompt caches hit across runs; the variable part holds the run's parameters,
 * earlier stages' outputs, the current files and the feedback from the last failed checks.
 * The run's seed is deliberately not in the prompt: parameters carry what varies, so recorded cassettes replay
 * for any seed that yields the same parameters.
 */
public final class PromptBuilder {

    /**
     * What the prompt is built from: the pack and stage, the model settings, where the run is, which turn this is, and
     * the campaign's lessons for this stage (empty when it has none or does not use them).
     */
    public record Input(Pack pack, Stage stage, ModelSettings settings, RunSoFar run, Turn turn, List<String> lessons) {
        public Input {
            lessons = lessons == null ? List.of() : List.copyOf(lessons);
        }

        public Input(Pack pack, Stage stage, ModelSettings settings, RunSoFar run, Turn turn) {
            this(pack, stage, settings, run, turn, List.of());
        }
    }

    /** The heading of the lessons section; the section ends where the next {@code ## } heading starts. */
    public static final String LESSONS_HEADING = "## Lessons from earlier runs";

    /**
     * Where the run is: its parameters and seed, its files, earlier stages' outputs and the findings of the last
     * failed checks (the feedback).
     */
    public record RunSoFar(Map<String, Object> parameters, long seed, Workspace workspace, Map<String, String> stageOutputs,
                           List<Finding> feedback) {}

    /** Attempt {@code attempt} of {@code maxAttempts}, with the runner's extra text for it (may be null). */
    public record Turn(int attempt, int maxAttempts, String extra) {}

    public AuthorRequest build(Input in) {
        String system = system(in);
        String prompt = variable(in);
        return new AuthorRequest(in.stage().name(), system, prompt, in.settings(), in.turn().attempt(), in.run().seed(), in.run().parameters(), scope(in));
    }

    /** Replaces {@code {{name}}} with the parameter's value; unknown names stay as they are. */
    public static String render(String template, Map<String, Object> parameters) {
        return dev.scenarist.core.pack.Placeholders.render(template, parameters);
    }

    private String system(Input in) {
        StringBuilder b = new StringBuilder();
        b.append("You are a scenario author for the \"").append(in.pack().name()).append("\" pack of Scenarist.\n\n");
        if (!in.pack().context().isBlank()) b.append(in.pack().context().strip()).append("\n\n");
        Stage s = in.stage();
        b.append("## Stage: ").append(s.name()).append(" (").append(s.kind()).append(")\n\n");
        switch (s) {
            case Stage.AuthorStage a -> {
                b.append(render(a.instructions(), in.run().parameters()).strip()).append("\n\n## Reply format\n\n");
                b.append(ReplyParser.formatInstructions(a.outputs()));
                b.append("You may change only: ").append(editPolicy(a.policy().editable(), a.outputs()).describe()).append(".\n");
            }
            case Stage.RefineStage r -> {
                b.append(render(r.instructions(), in.run().parameters()).strip()).append("\n\n");
                b.append("Improve the current files; each round is scored and only the best version is kept.\n\n## Reply format\n\n");
                b.append(ReplyParser.formatInstructions(r.outputs()));
                b.append("You may change only: ").append(editPolicy(r.policy().editable(), r.outputs()).describe()).append(".\n");
            }
            case Stage.ReviewStage r -> {
                b.append(render(r.instructions(), in.run().parameters()).strip()).append("\n\n## Reply format\n\n");
                b.append("Reply with your review as plain text: concrete problems and how to fix them. Do not rewrite the files.\n");
            }
            case Stage.GateStage g -> b.append("(gate)\n");
        }
        // in the stable prefix: a campaign's lessons are frozen, so every run of it shares them (prompt caches still hit);
        // only for stages that write files — a review or gate is not where these mistakes are made
        boolean writes = s instanceof Stage.AuthorStage || s instanceof Stage.RefineStage;
        if (writes && !in.lessons().isEmpty()) {
            b.append('\n').append(LESSONS_HEADING).append("\n\n")
                    .append("Earlier runs of this pack failed these checks often. Avoid these mistakes from the first attempt:\n\n");
            for (String lesson : in.lessons()) b.append("- ").append(lesson.replaceAll("\\s+", " ").strip()).append('\n');
            b.append("\n## End of lessons\n");
        }
        return b.toString();
    }

    private String variable(Input in) {
        StringBuilder b = new StringBuilder();
        if (!in.run().parameters().isEmpty()) {
            b.append("## Scenario parameters\n\n");
            new TreeMap<>(in.run().parameters()).forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
            b.append('\n');
        }
        if (!in.run().stageOutputs().isEmpty()) {
            b.append("## Notes from earlier stages\n\n");
            new TreeMap<>(in.run().stageOutputs()).forEach((stage, text) ->
                    b.append("### ").append(stage).append("\n\n").append(text.strip()).append("\n\n"));
        }
        var files = in.run().workspace().contents();
        if (!files.isEmpty()) {
            b.append("## Current files\n\n");
            files.forEach((path, content) -> b.append("<file path=\"").append(path).append("\">\n").append(content)
                    .append(content.endsWith("\n") ? "" : "\n").append("</file>\n\n"));
        }
        if (!in.run().feedback().isEmpty()) {
            b.append("## Feedback: attempt ").append(in.turn().attempt() - 1).append(" of ").append(in.turn().maxAttempts())
                    .append(" failed these checks\n\n");
            for (Finding f : in.run().feedback()) b.append("- ").append(f.render()).append('\n');
            b.append("\nFix every error above and reply with the complete files again.\n");
        }
        if (in.turn().extra() != null && !in.turn().extra().isBlank()) b.append('\n').append(in.turn().extra().strip()).append('\n');
        if (b.isEmpty()) b.append("Begin.\n");
        return b.toString();
    }

    /** What a tool-using author may touch: the workspace, and the stage's editable files (none for reviews). */
    private static dev.scenarist.core.author.WorkScope scope(Input in) {
        var ws = java.util.Optional.of(in.run().workspace().root());
        return switch (in.stage()) {
            case Stage.AuthorStage a -> new dev.scenarist.core.author.WorkScope(ws, editableFiles(a.policy().editable(), a.outputs()), a.policy().tools(),
                    a.outputs().stream().map(OutputFile::path).toList());
            case Stage.RefineStage r -> new dev.scenarist.core.author.WorkScope(ws, editableFiles(r.policy().editable(), r.outputs()), r.policy().tools(),
                    r.outputs().stream().map(OutputFile::path).toList());
            case Stage.ReviewStage r -> new dev.scenarist.core.author.WorkScope(ws, List.of(), r.policy().tools());
            case Stage.GateStage g -> dev.scenarist.core.author.WorkScope.NONE;
        };
    }

    private static List<String> editableFiles(List<String> editable, List<OutputFile> outputs) {
        return editable.isEmpty() ? outputs.stream().map(OutputFile::path).toList() : editable;
    }

    /** A stage's editable list, defaulting to its declared outputs. */
    public static EditPolicy editPolicy(List<String> editable, List<OutputFile> outputs) {
        return new EditPolicy(editable.isEmpty() ? outputs.stream().map(OutputFile::path).toList() : editable);
    }
}
