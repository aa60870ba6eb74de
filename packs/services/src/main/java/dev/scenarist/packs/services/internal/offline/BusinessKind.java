package dev.scenarist.packs.services.internal.offline;

import java.util.List;
import java.util.Optional;

/**
 * One business kind of {@code services/offline/kinds.yaml}: the category, the shape of its three tables, its two
 * workflows, the plan's texts and the businesses it draws from. Texts hold placeholders ({@link Texts}).
 *
 * @param providerNames {@code person} (providers are people, named from a pool) or {@code thing} (code-named)
 * @param partyKey      the party's unique column: {@code email} or {@code sku}
 * @param amount        an optional non-negative integer column of the main table
 */
record BusinessKind(String category, String word, List<String> tags, String request, String display, String providerNames,
                    ColumnSpec providerExtra, String partyKey, ColumnSpec partyOptional, String timeColumn, String timeType,
                    List<String> statuses, AmountSpec amount, IntakeSpec intake, FollowUpSpec followUp, AssistantSpec assistant,
                    PlanTexts plan, List<Business> businesses) {

    /** A column with its SQL declaration and the SQL literals the sample rows cycle through. */
    record ColumnSpec(String column, String type, List<String> values) {}

    record AmountSpec(String column, int min, int max) {}

    record IntakeSpec(String workflow, String path, String trigger, String store, String reply) {}

    record FollowUpSpec(String workflow, String trigger, String query, String action, String subject) {}

    record AssistantSpec(String file, String title, String text) {}

    /** The plan's texts: three requirements (must, must, should) with one acceptance check each. */
    record PlanTexts(String problem, List<String> users, String value, List<String> requirements, List<String> checks,
                     String customers, String revenue, String pricing, String valueEstimate, List<String> risks,
                     List<String> metrics) {}

    /** A business of the kind; its tables as {@code singular/plural}. */
    record Business(String label, String slug, String provider, String party, String main) {}

    Optional<AmountSpec> amountColumn() {
        return Optional.ofNullable(amount);
    }

    /** The state a new row of the main table starts in (the intake writes it, the follow-up selects it). */
    String openStatus() {
        return statuses.getFirst();
    }

    Optional<Business> business(String label) {
        return businesses.stream().filter(b -> b.label().equalsIgnoreCase(label.strip())).findFirst();
    }
}
