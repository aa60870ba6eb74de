package dev.scenarist.core.campaign;

import java.util.Locale;

/**
 * Why the campaign's budget stops further work: the cap that was reached (or that the next call would cross)
 * and a message naming it with the numbers. A budget stop is never an infrastructure failure and is never retried:
 * waiting does not give a budget back.
 */
public record BudgetStop(Cap cap, String message) {
    public BudgetStop {
        if (!message.startsWith(PREFIX + cap.label() + " ")) {
            throw new IllegalArgumentException("a budget stop's message starts with '" + PREFIX + cap.label() + " ', got '" + message + "'");
        }
    }

    /** The caps of {@link CampaignBudget}, with the option that raises each. */
    public enum Cap {
        MAX_RUNS("--max-runs N"),
        MAX_TOKENS("--max-tokens N"),
        MAX_COST("--max-cost USD"),
        MAX_WALL("--max-wall DURATION");

        private final String option;

        Cap(String option) {
            this.option = option;
        }

        /** As written in stop reasons and configuration: {@code max_wall}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The resume option that raises this cap, e.g. {@code --max-wall DURATION}. */
        public String option() {
            return option;
        }
    }

    private static final String PREFIX = "budget: ";

    /**
     * Reads back a stop from a stored reason (a campaign's stop reason, a run's detail), which is how stops are kept:
     * every budget message starts with {@code budget: <cap>}.
     */
    public static java.util.Optional<BudgetStop> parse(String reason) {
        if (!reason.startsWith(PREFIX)) return java.util.Optional.empty();
        for (Cap c : Cap.values()) {
            if (reason.startsWith(PREFIX + c.label() + " ")) return java.util.Optional.of(new BudgetStop(c, reason));
        }
        return java.util.Optional.empty();
    }

    /** What a person does about it, given the command that continues the work, e.g. {@code scenarist resume --campaign C}. */
    public String hint(String resumeCommand) {
        return "raise the cap with '" + resumeCommand + " " + cap.option() + "'";
    }
}
