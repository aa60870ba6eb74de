package dev.scenarist.packs.services.internal.plan;

import java.util.Optional;

/**
 * The five rubric criteria, in the order the critic's reply lists them. Each is scored 0..5: one point per rule of
 * {@link #rules()}, so a score says how many of them the plan meets.
 */
public enum Criterion {
    COMPLETENESS("completeness", """
            1. analysis: problem and value are sentences (4+ words each) and at least two user roles are named;
            2. at least three requirements;
            3. every requirement has an id, a text and a priority must|should|could, and at least one is a must;
            4. every requirement's covered_by is non-empty and every entry resolves: table:<a data_model table>, \
            workflow:<a component>, resource:<a plan resource> or component:<a component>;
            5. at least two risks and at least two success metrics."""),
    FEASIBILITY("feasibility", """
            1. every plan resource is one of the catalog's resources;
            2. at least one component, and every component has a name, a kind and a purpose;
            3. every component's resource is among the plan's resources;
            4. every component's resource is one of the catalog's resources;
            5. every plan resource says why in 3+ words and is used by some component."""),
    DATA_MODEL("data_model", """
            1. at least two tables;
            2. every table has an id column and at least two columns;
            3. table and column names are lower snake_case and no table repeats a column;
            4. every table is named by some requirement's covered_by as table:<name>;
            5. some table refers to another with a <singular>_id column (e.g. patient_id to patients)."""),
    BUSINESS_MODEL("business_model", """
            1. customers is given and non-trivial (3+ words, not a placeholder such as tbd);
            2. revenue likewise;
            3. pricing likewise;
            4. value_estimate likewise;
            5. pricing names a concrete amount (contains a number)."""),
    TESTABILITY("testability", """
            1. every acceptance entry names an existing requirement and has a check of 3+ words;
            2. every must requirement has an acceptance check;
            3. every should and could requirement has an acceptance check;
            4. every success metric is measurable (contains a number);
            5. every acceptance check names a table or a workflow of the plan it can be observed in.""");

    private final String key;
    private final String rules;

    Criterion(String key, String rules) {
        this.key = key;
        this.rules = rules;
    }

    /** The name in the critic's reply: {@code data_model}. */
    public String key() {
        return key;
    }

    /** The five rules, one point each, as the critic's system prompt states them. */
    public String rules() {
        return rules;
    }

    public static Optional<Criterion> ofKey(String key) {
        for (Criterion c : values()) if (c.key.equals(key)) return Optional.of(c);
        return Optional.empty();
    }
}
