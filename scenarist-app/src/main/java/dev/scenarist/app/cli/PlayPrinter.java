package dev.scenarist.app.cli;

import dev.scenarist.app.appworld.PlayOutcome;
import dev.scenarist.core.model.Usage;
import java.io.PrintStream;
import java.util.Locale;

/** A play as people read it: the verdict, the goals, the agent's and the user's tool calls one a line. */
final class PlayPrinter {
    /** Longest argument text on a log line; the JSON output has them whole. */
    static final int MAX_ARGS = 160;

    private PlayPrinter() {}

    static void human(PlayOutcome o, PrintStream p) {
        var s = o.scenario().scenario();
        p.println(o.status().label() + "  " + s.id() + " — " + s.description().title());
        p.println("agent " + o.who().agent() + ", user " + o.who().user() + o.ending().map(e -> "; the play ended: " + e).orElse("")
                + "; from " + o.scenario().source());
        o.reason().ifPresent(r -> p.println("not judged, so not a pass: " + r));
        long met = o.goals().stream().filter(PlayOutcome.Goal::met).count();
        p.println();
        p.println(o.status() == PlayOutcome.Status.NOT_JUDGED ? "goals (not judged):" : "goals (" + met + " of " + o.goals().size() + " met):");
        int w = o.goals().stream().mapToInt(g -> g.id().length()).max().orElse(0);
        for (PlayOutcome.Goal g : o.goals()) {
            String state = o.status() == PlayOutcome.Status.NOT_JUDGED ? "?     " : g.met() ? "met   " : "missed";
            p.println("  " + state + "  " + g.id() + " ".repeat(w - g.id().length()) + "  " + g.rationale());
        }
        p.println();
        p.println("action log (" + o.log().size() + " agent and user tool calls):");
        if (o.log().isEmpty()) p.println("  (none)");
        for (PlayOutcome.Call c : o.log()) {
            String args = c.args() == null ? "{}" : c.args().toString();
            if (args.length() > MAX_ARGS) args = args.substring(0, MAX_ARGS) + "…";
            p.println("  " + c.time() + "  " + String.format(Locale.ROOT, "%-5s", c.actor()) + "  " + c.tool() + " " + args + "  "
                    + c.error().map(e -> "error: " + e).orElse("ok"));
        }
    }

    static void usage(Usage u, PrintStream p) {
        p.println();
        p.printf(Locale.ROOT, "model usage: %d input and %d output tokens, $%.4f%n", u.inputTokens(), u.outputTokens(), u.costUsd());
    }
}
