package dev.scenarist.packs.services.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A copy of the reference example in a test's folder, to break one thing in and run checks over. */
final class ExampleScenario {
    private static final RunContext RUN = new RunContext("run-1", "c-1", "services", 7, Map.of());

    final Workspace workspace;

    private ExampleScenario(Workspace workspace) {
        this.workspace = workspace;
    }

    static Path reference() {
        try {
            return Path.of(ExampleScenario.class.getResource("/example/appointment-booking").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ExampleScenario copyInto(Path dir) {
        Workspace ws = new Workspace(dir.resolve("ws"));
        Workspace.copyTree(reference(), ws.root());
        return new ExampleScenario(ws);
    }

    /** Replaces the one occurrence of {@code from} in the file (failing if there is not exactly one). */
    ExampleScenario replace(String file, String from, String to) {
        String text = workspace.read(file).orElseThrow();
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as("occurrences of '%s' in %s", from, file).hasSize(2);
        workspace.write(file, text.replace(from, to));
        return this;
    }

    /** Replaces line {@code n} (1-based) of the file. */
    ExampleScenario replaceLine(String file, int n, String line) {
        List<String> lines = new ArrayList<>(workspace.read(file).orElseThrow().lines().toList());
        lines.set(n - 1, line);
        workspace.write(file, String.join("\n", lines) + "\n");
        return this;
    }

    CheckResult run(Check check) throws InterruptedException {
        return check.run(new CheckContext(RUN, "implement", workspace, Map.of(), GateContext.NO_CRITIC));
    }

    /** The error findings of every check, each check asserted to have judged (not errored). */
    List<Finding> errors(List<Check> checks) throws InterruptedException {
        List<Finding> out = new ArrayList<>();
        for (Check c : checks) {
            CheckResult r = run(c);
            assertThat(r).as("check %s", c.name()).isNotInstanceOf(CheckResult.Errored.class);
            r.findings().stream().filter(Finding::isError).forEach(out::add);
        }
        return out;
    }
}
