package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run a pack's checks on a scenario that already exists (a folder, or a file in its folder), print the findings.",
                "The scenario is copied to a scratch workspace first: checks never change your files.",
                "A check that could not run (e.g. bubblewrap missing, no critic for a judge) is not judged, never passed.",
                "Exit codes: 0 valid (every check ran and passed), 1 invalid (a check found an error; checks that could not",
                "run are listed too), 4 not judged (no error found, but at least one check could not run).",
                "--json adds \"verdict\": \"valid\" | \"invalid\" | \"not_judged\"."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--pack", required = true, paramLabel = "PACK", description = "The pack whose checks to run.")
    String pack;

    @Option(names = "--author", paramLabel = "AUTHOR", defaultValue = "offline",
            description = "Who answers judge checks (default ${DEFAULT-VALUE}); judges that cannot be answered are reported as not judged.")
    String author;

    @Parameters(paramLabel = "PATH", description = "A scenario folder, or a file inside one.")
    Path path;

    @Option(names = "--allow-read", paramLabel = "DIR",
            description = {"A folder besides the scenario's own that its checks may read (MJCF includes, meshes); repeatable.",
                    "Without it, a file outside the scenario folder is refused (MJCF_OUTSIDE_FOLDER), never opened.",
                    "Give files there by absolute path: the scenario is checked in a scratch copy, so ../ paths do not reach it."})
    List<Path> allowRead = new ArrayList<>();

    /** More files than any scenario has: a file given in a big folder (a home or temp folder) is refused, not copied. */
    static final int MAX_FILES = 2_000;

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        if (!Files.exists(path)) throw new ConfigException(path + " does not exist; give a scenario folder or a file in one");
        Path folder = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toRealPath();
        List<Path> allowedReads = allowedReads();
        refuseOversized(folder);
        try (var app = root.open()) {
            var p = app.packs().get(pack);
            // no preflight here: validate stores nothing, and a check that cannot run on this machine is reported as
            // not judged (exit 4) with its fix, while the checks that can run (e.g. static MJCF) still give their findings
            Path scratch = Files.createTempDirectory("scenarist-validate-");
            if (scratch.toRealPath().startsWith(folder)) {
                Files.delete(scratch);
                throw new ConfigException(folder + " holds the temporary folder, so it cannot be copied for checking; "
                        + "put the scenario in a folder of its own and validate that");
            }
            Path artifacts = scratch.resolveSibling(scratch.getFileName() + "-artifacts");
            try {
                Workspace ws = new Workspace(scratch);
                Workspace.copyTree(folder, scratch);
                // the author is only needed if a judge asks (a pack without one can still be validated), and built once
                var judgeAuthor = new java.util.concurrent.atomic.AtomicReference<dev.scenarist.core.author.Author>();
                Critic critic = (purpose, system, prompt) -> {
                    if (judgeAuthor.get() == null) {
                        try {
                            judgeAuthor.set(app.authors().create(author, p, Optional.empty(), Map.of()).author());
                        } catch (ConfigException e) {
                            throw new dev.scenarist.core.author.PermanentAuthorException(e.getMessage());
                        }
                    }
                    return judgeAuthor.get().reply(new AuthorRequest("validate:" + purpose, system, prompt, ModelSettings.DEFAULTS, 1, 0,
                            Map.of())).text();
                };
                Map<String, Object> params = new LinkedHashMap<>();
                if (!Files.isDirectory(path)) params.put("target", path.getFileName().toString());
                var ctx = new RunContext("validate", "validate", p.name(), 0, params);
                List<Map<String, Object>> doc = new ArrayList<>();
                int failed = 0;
                List<ValidationVerdict.Unjudged> unjudged = new ArrayList<>();
                var target = Files.isDirectory(path) ? Optional.<String>empty() : Optional.of(path.getFileName().toString());
                for (var stage : p.validationChecks(new dev.scenarist.core.pack.ValidationTarget(target, allowedReads)).entrySet()) {
                    for (Check c : stage.getValue().stream().sorted(Comparator.comparingInt(Check::tier)).toList()) {
                        CheckResult r = runCheck(c, new CheckContext(ctx, stage.getKey(), ws, Map.of(), critic, artifacts));
                        String status = r instanceof CheckResult.Errored e ? "not judged: " + e.message() : r.status().label();
                        out.line(String.format("%-10s %-22s %s", stage.getKey(), c.name(), status));
                        for (Finding f : r.findings()) out.line("    " + f.renderForPeople());
                        if (r instanceof CheckResult.Failed) failed++;
                        if (r instanceof CheckResult.Errored e) unjudged.add(new ValidationVerdict.Unjudged(stage.getKey(), c.name(), e.message()));
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("stage", stage.getKey());
                        m.put("check", c.name());
                        m.put("status", r instanceof CheckResult.Errored ? "not_judged" : r.status().label());
                        m.put("findings", r.findings().stream().map(Finding::forPeople).toList());
                        if (r instanceof CheckResult.Errored e) m.put("error", e.message());
                        doc.add(m);
                    }
                }
                var verdict = ValidationVerdict.of(failed, unjudged);
                verdict.summary().forEach(out::line);
                if (out.json()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("pack", p.name());
                    d.put("path", path.toAbsolutePath().toString());
                    d.put("verdict", verdict.label());
                    d.put("valid", verdict instanceof ValidationVerdict.Valid);
                    d.put("checks", doc);
                    out.document(d);
                }
                return verdict.exitCode();
            } finally {
                Workspace.deleteTree(scratch, true);
                Workspace.deleteTree(artifacts, true);
            }
        }
    }

    /** Each --allow-read folder, resolved (symlinks too, as the checks compare real paths); one that is not a folder is exit 2. */
    private List<Path> allowedReads() throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : allowRead) {
            if (!Files.isDirectory(d)) {
                throw new ConfigException("--allow-read " + d + ": " + (Files.exists(d) ? "not a folder" : "no such folder")
                        + " (" + d.toAbsolutePath().normalize() + "); give an existing folder the checks may read from");
            }
            out.add(d.toRealPath());
        }
        return out;
    }

    /** A check that crashes could not judge: it is reported as not judged, never as passed. */
    private static CheckResult runCheck(Check c, CheckContext ctx) throws InterruptedException {
        try {
            return c.run(ctx);
        } catch (RuntimeException e) {
            return CheckResult.errored("check '" + c.name() + "' crashed: " + e);
        }
    }

    /** Validation copies the scenario's whole folder first (checks never change your files): refuse a folder that is no scenario. */
    private void refuseOversized(Path folder) throws java.io.IOException {
        long[] files = {0};
        Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                return ++files[0] > MAX_FILES ? java.nio.file.FileVisitResult.TERMINATE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE; // unreadable entries are not ours to judge here
            }
        });
        if (files[0] > MAX_FILES) {
            throw new ConfigException(folder + (Files.isDirectory(path) ? "" : " (the folder of " + path.getFileName() + ")")
                    + " holds more than " + MAX_FILES + " files, and validate copies a scenario's whole folder so that checks never"
                    + " change your files; put the scenario (e.g. the scene and its meshes/) in a folder of its own and validate that");
        }
    }

}
