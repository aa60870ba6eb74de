package dev.scenarist.packs.chains.internal.analyst;

import java.util.Locale;

/** Why the loop must stop and ask a person instead of guessing. */
public record UserDecision(Kind kind, String reason) {
    public enum Kind {
        /** a check needs a field the assistant never exposes: inventing it would be guessing */
        MISSING_REQUIRED_OBSERVATION,
        /** the next change would touch the product's architecture */
        ARCHITECTURE_RISK,
        /** the only fix in sight is a hack or a brittle workaround */
        BRITTLE_WORKAROUND,
        /** a business-critical trade-off without enough evidence */
        BUSINESS_TRADEOFF;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
