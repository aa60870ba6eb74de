package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code type: judge}: asks the run's critic model to grade files against a rubric. The critic is asked with purpose
 * {@code judge:<check name>}. Passes (with the score) at or above {@code threshold}; below it fails with the judge's
 * feedback as the finding, which becomes the next attempt's feedback.
 */
public final class JudgeCheck implements Check {
    static final String SYSTEM = """
            You are a strict, fair reviewer of generated test scenarios. Grade the files below against the rubric.
            Reply with exactly these two parts:
            SCORE: <a number from 0 to 1, where 1 means the rubric is fully met>
            FEEDBACK: <what is wrong and how to fix it, concretely; or why it is good>
            """;

    private final String name;
    private final String rubric;
    private final List<String> files;
    private final double threshold;

    public JudgeCheck(String name, String rubric, List<String> files, double threshold) {
        this.name = Objects.requireNonNull(name, "name");
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.files = List.copyOf(files);
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("judge threshold must be in [0,1], got " + threshold);
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    public double threshold() {
        return threshold;
    }

    /** The purpose the critic is asked with; engines name the request {@code <stage>:judge:<check name>}. */
    public String purpose() {
        return "judge:" + name;
    }

    /** The variable part of the judge's prompt: the rubric (parameters filled in) and the files to grade. */
    public String prompt(CheckContext context) {
        StringBuilder b = new StringBuilder("## Rubric\n\n").append(render(rubric, context.run().parameters()).strip()).append("\n\n");
        b.append("## Files\n\n");
        for (String f : files) {
            String content = context.workspace().read(f).orElse("(this file does not exist)\n");
            b.append("<file path=\"").append(f).append("\">\n").append(content)
                    .append(content.endsWith("\n") ? "" : "\n").append("</file>\n\n");
        }
        return b.toString();
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        if (context.critic() == null) {
            return CheckResult.errored("judge check '" + name + "' needs a critic model, and none is configured for this run");
        }
        String reply;
        try {
            reply = context.critic().ask(purpose(), SYSTEM, prompt(context));
        } catch (AuthorException e) {
            return CheckResult.errored("judge check '" + name + "' could not ask the critic: " + e.getMessage());
        }
        return switch (JudgeReply.parse(reply)) {
            case JudgeReply.Unreadable u -> CheckResult.failed(Finding.error("JUDGE_UNREADABLE", u.problem(), "",
                    "the judge must answer with a line 'SCORE: <0..1>' and a line 'FEEDBACK: <text>'"));
            case JudgeReply.Scored s when s.score() >= threshold -> new CheckResult.Passed(
                    s.feedback().isBlank() ? List.of() : List.of(new Finding("JUDGE_FEEDBACK", Severity.INFO,
                            "judge '" + name + "' scored " + JudgeReply.format(s.score()) + ": " + s.feedback(), "", "")),
                    OptionalDouble.of(s.score()));
            case JudgeReply.Scored s -> new CheckResult.Failed(List.of(Finding.error("JUDGE_SCORE",
                    "judge '" + name + "' scored " + JudgeReply.format(s.score()) + ", below the threshold " + JudgeReply.format(threshold)
                            + (s.feedback().isBlank() ? " (it gave no feedback)" : ": " + s.feedback()),
                    String.join(", ", files), "address the judge's feedback")), OptionalDouble.of(s.score()));
        };
    }

    static String render(String template, Map<String, Object> parameters) {
        return dev.scenarist.core.pack.Placeholders.render(template, parameters);
    }
}
