package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.campaign.Validation;
import dev.scenarist.core.campaign.ValidationVerdict;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.RuleSet;
import dev.scenarist.core.pack.ValidationPlan;
import dev.scenarist.core.pack.ValidationTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
                "Checks never change your files: they get a scratch copy, or read in place when they only read (model files).",
                "A check that could not run (e.g. bubblewrap missing, no critic for a judge) is not judged, never passed.",
                "Exit codes: 0 valid (every check ran and passed), 1 invalid (a check found an error; checks that could not",
                "run are listed too), 4 not judged (no error found, but at least one check could not run).",
                "--json adds \"verdict\": \"valid\" | \"invalid\" | \"not_judged\", and \"rules\" for a pack with rule sets."})
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
                    "A model file is read where it lies, so its ../ paths resolve as MuJoCo resolves them, e.g. --allow-read ..",
                    "for a model that includes ../common/x.xml."})
    List<Path> allowRead = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "RULES",
            description = {"Which of the pack's rule sets to judge by; the report says which applied.",
                    "mechanisms: 'mujoco' (what MuJoCo accepts; default for a model file of your own) or 'benchmark'",
                    "(the strict rules of generated scenes; default for a scenario folder and the scenes in one)."})
    String rules;

    /** More files than any scenario has: a file given in a big folder (a home or temp folder) is refused, not copied. */
    static final int MAX_FILES = 2_000;

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        if (!Files.exists(path)) throw new ConfigException(path + " does not exist; give a scenario folder or a file in one");
        Path folder = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toRealPath();
        List<Path> allowedReads = allowedReads();
        try (var app = root.open()) {
            var p = app.packs().get(pack);
            // no preflight here: validate stores nothing, and a check that cannot run on this machine is reported as
            // not judged (exit 4) with its fix, while the checks that can run (e.g. static MJCF) still give their findings
            var file = Files.isDirectory(path) ? Optional.<String>empty() : Optional.of(path.getFileName().toString());
            var target = new ValidationTarget(file, allowedReads, Optional.of(folder), Optional.ofNullable(rules));
            var applied = ruleSet(p, target);
            // checks that only read look at the folder where it lies; the others get a copy of it, which must stay small
            if (!p.capability(ValidationPlan.class).map(v -> v.readsInPlace(target)).orElse(false)) refuseOversized(folder);
            applied.ifPresent(r -> out.line(String.format("%-10s %-22s %s", "rules", r.name(), r.meaning())));
            var report = app.campaigns().validate(new Validation.Request(p, folder, target, author));
            List<Map<String, Object>> doc = new ArrayList<>();
            for (var c : report.checks()) {
                String status = c.status() == Validation.Status.NOT_JUDGED ? "not judged: " + c.error().orElse("") : c.status().label();
                out.line(String.format("%-10s %-22s %s", c.stage(), c.check(), status));
                for (Finding f : c.findings()) out.line("    " + f.renderForPeople());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("stage", c.stage());
                m.put("check", c.check());
                m.put("status", c.status().label());
                m.put("findings", c.findings().stream().map(Finding::forPeople).toList());
                c.error().ifPresent(e -> m.put("error", e));
                doc.add(m);
            }
            var verdict = report.verdict();
            verdict.summary().forEach(out::line);
            if (out.json()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("pack", p.name());
                d.put("path", path.toAbsolutePath().toString());
                d.put("verdict", verdict.label());
                applied.ifPresent(r -> {
                    d.put("rules", r.name());
                    d.put("rules_meaning", r.meaning());
                });
                d.put("valid", verdict instanceof ValidationVerdict.Valid);
                d.put("checks", doc);
                out.document(d);
            }
            return verdict.exitCode();
        }
    }

    /**
     * The rule set the pack applies to {@code target}; a --rules name the pack does not have is exit 2 naming its
     * rule sets, before anything runs.
     */
    private Optional<RuleSet> ruleSet(Pack p, ValidationTarget target) {
        var plan = p.capability(ValidationPlan.class);
        List<RuleSet> sets = plan.map(ValidationPlan::ruleSets).orElse(List.of());
        if (rules != null && sets.stream().noneMatch(r -> r.name().equals(rules))) {
            throw new ConfigException(sets.isEmpty()
                    ? "--rules " + rules + ": pack '" + p.name() + "' has one set of rules; drop --rules"
                    : "--rules " + rules + ": pack '" + p.name() + "' has the rule sets "
                            + String.join(", ", sets.stream().map(r -> r.name() + " (" + r.meaning() + ")").toList())
                            + "; give one of those names");
        }
        return plan.flatMap(v -> v.rules(target));
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

    /** Validation copies the scenario's whole folder first when its checks may write: refuse a folder that is no scenario. */
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
