package dev.scenarist.core.testing;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.DuplicateThreshold;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pack assembled in code for tests: stages added by the builder, uniqueness text = all files. */
public final class TestPack implements Pack, DuplicateThreshold {
    private final String name;
    private final Pipeline pipeline;
    private final Author offline;
    private final String definition;
    private final double threshold;

    private TestPack(String name, Pipeline pipeline, Author offline, String definition, double threshold) {
        this.name = name;
        this.pipeline = pipeline;
        this.offline = offline;
        this.definition = definition;
        this.threshold = threshold;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final List<Stage> stages = new ArrayList<>();
        private Author offline;
        private String definition = "v1";
        private double threshold = 0.85;

        private Builder(String name) {
            this.name = name;
        }

        public Builder stage(Stage s) {
            stages.add(s);
            return this;
        }

        public Builder offline(Author a) {
            offline = a;
            return this;
        }

        public Builder definition(String d) {
            definition = d;
            return this;
        }

        public Builder duplicateThreshold(double t) {
            threshold = t;
            return this;
        }

        public TestPack build() {
            return new TestPack(name, new Pipeline(stages), offline, definition, threshold);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "test pack";
    }

    @Override
    public String definitionHash() {
        return definition;
    }

    @Override
    public String context() {
        return "You write tiny test scenarios.";
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        return offline;
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return Map.of("n", seed);
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        return String.join("\n", workspace.contents().values());
    }

    @Override
    public double duplicateThreshold() {
        return threshold;
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return new ScenarioSummary("scenario " + workspace.read("a.txt").orElse("?").strip(), "a test scenario");
    }
}
