package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code *.sh} of the scenario starts with a bash {@code #!} line (the deployer runs them with it) and parses:
 * {@code bash -n}, in the sandbox, one finding per file and line bash complains about.
 */
final class BashSyntaxCheck implements Check {
    private static final Pattern SHEBANG = Pattern.compile("^#!\\s*(/usr/bin/env\\s+bash|/bin/bash|/usr/bin/bash)(\\s.*)?$");
    /** {@code deployment/startup.sh: line 12: syntax error near unexpected token `fi'} */
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+?): line (\\d+): (.*)$");
    /** Checks each file given as an argument; bash -n takes only one script, so a loop runs them in one sandbox. */
    private static final String LOOP = "for f in \"$@\"; do bash -n \"$f\"; done";

    private final ScriptRunner runner;

    BashSyntaxCheck(Sandbox sandbox) {
        this.runner = new ScriptRunner(sandbox);
    }

    @Override
    public String name() {
        return "bash-syntax";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        ScenarioView view = new ScenarioView(context.workspace());
        List<String> scripts = view.filesEndingWith(".sh");
        if (scripts.isEmpty()) return CheckResult.passed();
        List<Finding> findings = new ArrayList<>();
        for (String f : scripts) {
            String first = context.workspace().read(f).orElse("").lines().findFirst().orElse("");
            if (!SHEBANG.matcher(first.strip()).matches()) {
                findings.add(Finding.error(ErrorClass.SYNTAX.code("SHEBANG"), "the script does not start with a bash #! line (found: '"
                        + abbreviate(first) + "')", Where.line(f, 1), "make the first line #!/usr/bin/env bash"));
            }
        }
        List<String> argv = new ArrayList<>(List.of("bash", "-c", LOOP, "bash-n"));
        argv.addAll(scripts);
        var outcome = runner.run(context.workspace().root(), argv, "bash", "bash");
        if (outcome instanceof ScriptRunner.Outcome.NotJudged n) return n.result();
        findings.addAll(diagnostics(((ScriptRunner.Outcome.Ran) outcome).stderr(), scripts));
        return CheckResult.of(findings);
    }

    /** bash prints the error, then the offending line quoted in backticks: one finding per file and line. */
    private static List<Finding> diagnostics(String stderr, List<String> scripts) {
        Map<String, List<String>> byPlace = new LinkedHashMap<>();
        for (String l : stderr.lines().toList()) {
            Matcher m = DIAGNOSTIC.matcher(l);
            if (m.matches() && scripts.contains(m.group(1))) {
                byPlace.computeIfAbsent(Where.line(m.group(1), Integer.parseInt(m.group(2))), k -> new ArrayList<>()).add(m.group(3));
            } else if (!l.isBlank()) {
                byPlace.computeIfAbsent("", k -> new ArrayList<>()).add(l);
            }
        }
        List<Finding> out = new ArrayList<>();
        byPlace.forEach((where, messages) -> out.add(Finding.error(ErrorClass.SYNTAX.code("SHELL"),
                "bash cannot parse the script: " + String.join(" — ", messages), where,
                "fix the shell syntax at that line (an unclosed quote, if/fi, do/done or case/esac often shows up at the end of the file)")));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
