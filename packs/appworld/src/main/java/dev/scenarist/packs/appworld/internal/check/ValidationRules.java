package dev.scenarist.packs.appworld.internal.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.scenario.Validation;
import dev.scenarist.packs.appworld.scenario.check.CheckCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validation rules that can be decided by reading the predicates: they compile, they judge the agent's
 * actions rather than the user's acceptance, they read only the agent's calls from the log, and they do not
 * keyword-match free text (a model's wording varies; ids, addresses, times and statuses do not).
 */
public final class ValidationRules {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern TEXT_MATCH = Pattern.compile("\\.(contains|matches|startsWith|endsWith|lowerAscii|upperAscii)\\s*\\(|\\bmatches\\s*\\(");
    private static final Pattern ACCEPTANCE = Pattern.compile("accept_proposal|[\"']accepted[\"']|\\.proposals\\b|\\[[\"']proposals[\"']]");
    private static final Pattern READS_LOG = Pattern.compile("\\blog\\b");
    private static final Pattern AGENT_ONLY = Pattern.compile("[\"']agent[\"']");
    private final CelPredicates cel;

    public ValidationRules(CelPredicates cel) {
        this.cel = cel;
    }

    public List<Finding> check(Validation v) {
        List<Finding> out = new ArrayList<>();
        for (int g = 0; g < v.goals().size(); g++) {
            Validation.Goal goal = v.goals().get(g);
            for (int i = 0; i < goal.predicates().size(); i++) {
                String p = goal.predicates().get(i);
                String at = "$.validation.goals[" + g + "].predicates[" + i + "]";
                String code = STRING_LITERAL.matcher(p).replaceAll("\"\"");
                if (cel.compile(p) instanceof CelPredicates.Invalid bad) {
                    out.add(CheckCode.PREDICATE_DOES_NOT_COMPILE.error("goal " + goal.id() + ": " + bad.error(), at));
                }
                if (ACCEPTANCE.matcher(p).find()) {
                    out.add(CheckCode.VALIDATION_READS_ACCEPTANCE.error("goal " + goal.id() + " reads the user's acceptance; the user's answer is not the agent's work", at));
                }
                if (TEXT_MATCH.matcher(code).find()) {
                    out.add(CheckCode.VALIDATION_MATCHES_TEXT.error("goal " + goal.id() + " matches text with a string function; an agent's wording varies", at));
                }
                if (READS_LOG.matcher(code).find() && !AGENT_ONLY.matcher(p).find()) {
                    out.add(CheckCode.VALIDATION_NOT_AGENT_ACTIONS.error("goal " + goal.id() + " reads the log without keeping to the agent's calls; "
                            + "the user or the environment could satisfy it", at));
                }
            }
        }
        return out;
    }
}
