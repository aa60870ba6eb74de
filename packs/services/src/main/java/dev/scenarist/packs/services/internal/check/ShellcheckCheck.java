package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code shellcheck -S error} over every {@code *.sh}, in the sandbox: only errors (a {@code >} meant as
 * {@code -gt}, an unparseable expression), never style, so a working script is not sent back for taste. The
 * {@code json1} format gives each finding its file and line.
 */
final class ShellcheckCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptRunner runner;

    ShellcheckCheck(Sandbox sandbox) {
        this.runner = new ScriptRunner(sandbox);
    }

    @Override
    public String name() {
        return "shellcheck";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        List<String> scripts = new ScenarioView(context.workspace()).filesEndingWith(".sh");
        if (scripts.isEmpty()) return CheckResult.passed();
        // -s bash: the deployer runs every script with bash (the bash-syntax check holds them to a bash #! line);
        // --norc: a .shellcheckrc the model put in the scenario folder must not switch checks off
        List<String> argv = new ArrayList<>(List.of("shellcheck", "--norc", "-S", "error", "-f", "json1", "-s", "bash", "--"));
        argv.addAll(scripts);
        var outcome = runner.run(context.workspace().root(), argv, "shellcheck", "shellcheck");
        if (outcome instanceof ScriptRunner.Outcome.NotJudged n) return n.result();
        var ran = (ScriptRunner.Outcome.Ran) outcome;
        // 0: clean, 1: findings; anything else is shellcheck failing on its own (bad option, unreadable file)
        if (ran.exitCode() > 1) {
            return CheckResult.errored("shellcheck failed (exit " + ran.exitCode() + "): " + tail(ran.stderr()));
        }
        JsonNode report;
        try {
            report = JSON.readTree(ran.stdout().isBlank() ? "{\"comments\":[]}" : ran.stdout());
        } catch (JsonProcessingException e) {
            return CheckResult.errored("shellcheck printed no JSON report: " + tail(ran.stdout()));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode c : report.path("comments")) {
            String code = "SC" + c.path("code").asInt();
            findings.add(Finding.error(ErrorClass.SYNTAX.code("SHELLCHECK"), code + ": " + c.path("message").asText().strip(),
                    Where.line(c.path("file").asText(), c.path("line").asInt(1)),
                    "fix the script at that line (explained at https://www.shellcheck.net/wiki/" + code + ")"));
        }
        return CheckResult.of(findings);
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : "…" + t.substring(t.length() - 300);
    }
}
