package dev.scenarist.packs.services.internal.offline;

import java.util.List;
import java.util.Optional;

/**
 * One business kind of {@code services/offline/kinds.yaml}: the category, how its services are named and listed, the
 * shape of its three tables, its two workflows and assistant, the plan's texts and the businesses it draws from. Texts
 * hold placeholders ({@link Texts}). The nested records mirror the YAML's groups, one record per group.
 */
record BusinessKind(String category, Listing listing, TableShapes tables, Automation automation, PlanTexts plan,
                    List<Business> businesses) {

    /**
     * How a service of the kind is named and listed.
     *
     * @param word    ends the service's name and names its weekly report ({@code appointments})
     * @param tags    service.json's tags
     * @param request the run's request, {@code {business}} filled in
     * @param display service.json's display name
     */
    record Listing(String word, List<String> tags, String request, String display) {}

    /** The shape of the three tables: who or what serves (provider), who or what is served (party), and the main table. */
    record TableShapes(ProviderShape provider, PartyShape party, MainShape main) {}

    /**
     * @param names {@code person} (providers are people, named from a pool) or {@code thing} (code-named)
     * @param extra the provider's one column beyond id and name
     */
    record ProviderShape(String names, ColumnSpec extra) {}

    /**
     * @param key      the party's unique column: {@code email} or {@code sku}
     * @param optional a column some seeds add to the party table
     */
    record PartyShape(String key, ColumnSpec optional) {}

    /**
     * @param statuses the main table's states, the one a new row starts in first
     * @param amount   an optional non-negative integer column of the main table
     */
    record MainShape(String timeColumn, String timeType, List<String> statuses, AmountSpec amount) {
        Optional<AmountSpec> amountColumn() {
            return Optional.ofNullable(amount);
        }

        /** The state a new row of the main table starts in (the intake writes it, the follow-up selects it). */
        String openStatus() {
            return statuses.getFirst();
        }
    }

    /** A column with its SQL declaration and the SQL literals the sample rows cycle through. */
    record ColumnSpec(String column, String type, List<String> values) {}

    record AmountSpec(String column, int min, int max) {}

    /** What the service does for its users: the intake workflow, the follow-up workflow and the assistant's prompt. */
    record Automation(IntakeSpec intake, FollowUpSpec followUp, AssistantSpec assistant) {}

    record IntakeSpec(String workflow, String path, String trigger, String store, String reply) {}

    record FollowUpSpec(String workflow, String trigger, String query, String action, String subject) {}

    record AssistantSpec(String file, String title, String text) {}

    /**
     * The plan's texts, grouped as the plan's sections: three requirements (must, must, should) with one acceptance
     * check each.
     */
    record PlanTexts(Analysis analysis, List<String> requirements, List<String> checks, BusinessModel businessModel,
                     List<String> risks, List<String> metrics) {}

    /** The plan's analysis: the problem, who has it, and what solving it is worth to them. */
    record Analysis(String problem, List<String> users, String value) {}

    record BusinessModel(String customers, String revenue, String pricing, String valueEstimate) {}

    /** A business of the kind; its tables as {@code singular/plural}. */
    record Business(String label, String slug, String provider, String party, String main) {}

    Optional<Business> business(String label) {
        return businesses.stream().filter(b -> b.label().equalsIgnoreCase(label.strip())).findFirst();
    }
}
