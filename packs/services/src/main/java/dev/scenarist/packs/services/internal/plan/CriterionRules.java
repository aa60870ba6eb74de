package dev.scenarist.packs.services.internal.plan;

import dev.scenarist.packs.services.internal.plan.PlanView.Acceptance;
import dev.scenarist.packs.services.internal.plan.PlanView.Component;
import dev.scenarist.packs.services.internal.plan.PlanView.Requirement;
import dev.scenarist.packs.services.internal.plan.PlanView.Resource;
import dev.scenarist.packs.services.internal.plan.PlanView.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The five rules of each criterion (as {@link Criterion#rules()} words them), applied to one plan. */
final class CriterionRules {
    private static final Set<String> PRIORITIES = Set.of("must", "should", "could");
    private static final String SNAKE = "[a-z][a-z0-9_]*";

    private final PlanView plan;
    private final Set<String> catalog;

    CriterionRules(PlanView plan, Set<String> catalog) {
        this.plan = plan;
        this.catalog = catalog;
    }

    Assessment assess(Criterion c) {
        List<String> missed = new ArrayList<>();
        switch (c) {
            case COMPLETENESS -> completeness(missed);
            case FEASIBILITY -> feasibility(missed);
            case DATA_MODEL -> dataModel(missed);
            case BUSINESS_MODEL -> businessModel(missed);
            case TESTABILITY -> testability(missed);
        }
        return Assessment.of(c, missed);
    }

    private void completeness(List<String> missed) {
        List<Requirement> reqs = plan.requirements();
        if (!PlanView.substantive(plan.field("analysis", "problem"), 4) || !PlanView.substantive(plan.field("analysis", "value"), 4)
                || plan.analysisUsers().size() < 2) {
            missed.add("analysis needs a problem, a value and two or more user roles");
        }
        if (reqs.size() < 3) missed.add("only " + reqs.size() + " requirement(s), 3 or more expected");
        boolean wellFormed = reqs.stream().allMatch(r -> !r.id().isBlank() && !r.text().isBlank() && PRIORITIES.contains(r.priority()));
        if (!wellFormed || reqs.stream().noneMatch(r -> r.priority().equals("must"))) {
            missed.add("every requirement needs id, text and priority must|should|could, one at least a must");
        }
        List<String> uncovered = reqs.stream().filter(r -> r.coveredBy().isEmpty() || !r.coveredBy().stream().allMatch(this::resolves))
                .map(Requirement::id).toList();
        if (reqs.isEmpty() || !uncovered.isEmpty()) missed.add(reqs.isEmpty() ? "no requirements to cover" : "covered_by missing or not resolving for " + ids(uncovered));
        if (plan.strings("risks").size() < 2 || plan.strings("success_metrics").size() < 2) {
            missed.add("two or more risks and success metrics expected");
        }
    }

    /** A covered_by entry names a part the plan designs. */
    private boolean resolves(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) return false;
        String kind = entry.substring(0, colon);
        String name = entry.substring(colon + 1);
        return switch (kind) {
            case "table" -> plan.tables().stream().anyMatch(t -> t.name().equals(name));
            case "workflow", "component" -> plan.components().stream().anyMatch(c -> c.name().equals(name));
            case "resource" -> plan.resourceNames().contains(name);
            default -> false;
        };
    }

    private void feasibility(List<String> missed) {
        List<Component> components = plan.components();
        Set<String> planned = plan.resourceNames();
        List<String> unknown = planned.stream().filter(r -> !catalog.contains(r)).toList();
        if (planned.isEmpty() || !unknown.isEmpty()) missed.add(planned.isEmpty() ? "no resources listed" : "resources not in the catalog: " + names(unknown));
        if (components.isEmpty() || !components.stream().allMatch(c -> !c.name().isBlank() && !c.kind().isBlank() && !c.purpose().isBlank())) {
            missed.add("every component needs a name, a kind and a purpose");
        }
        List<String> undeclared = components.stream().map(Component::resource).filter(r -> !r.isBlank() && !planned.contains(r)).distinct().toList();
        if (components.isEmpty() || !undeclared.isEmpty()) {
            missed.add(components.isEmpty() ? "no components to place on resources" : "components use resources the plan does not list: " + names(undeclared));
        }
        List<String> outside = components.stream().map(Component::resource).filter(r -> !r.isBlank() && !catalog.contains(r)).distinct().toList();
        if (components.isEmpty() || !outside.isEmpty()) {
            missed.add(components.isEmpty() ? "no components to check against the catalog" : "components use resources outside the catalog: " + names(outside));
        }
        Set<String> used = components.stream().map(Component::resource).collect(Collectors.toSet());
        List<String> idle = plan.resources().stream().filter(r -> !PlanView.substantive(r.why(), 3) || !used.contains(r.name()))
                .map(Resource::name).toList();
        if (planned.isEmpty() || !idle.isEmpty()) {
            missed.add(planned.isEmpty() ? "no resources to justify" : "resources without a reason or a component: " + names(idle));
        }
    }

    private void dataModel(List<String> missed) {
        List<Table> tables = plan.tables();
        if (tables.size() < 2) missed.add("only " + tables.size() + " table(s), 2 or more expected");
        List<String> thin = tables.stream().filter(t -> !t.columns().contains("id") || t.columns().size() < 2).map(Table::name).toList();
        if (tables.isEmpty() || !thin.isEmpty()) missed.add(tables.isEmpty() ? "no tables" : "tables without an id and other columns: " + names(thin));
        List<String> badNames = tables.stream().filter(t -> !t.name().matches(SNAKE) || !t.columns().stream().allMatch(col -> col.matches(SNAKE))
                || new HashSet<>(t.columns()).size() != t.columns().size()).map(Table::name).toList();
        if (tables.isEmpty() || !badNames.isEmpty()) {
            missed.add(tables.isEmpty() ? "no tables to name" : "names not lower snake_case or repeated columns in " + names(badNames));
        }
        Set<String> referenced = plan.requirements().stream().flatMap(r -> r.coveredBy().stream())
                .filter(e -> e.startsWith("table:")).map(e -> e.substring("table:".length())).collect(Collectors.toSet());
        List<String> unreferenced = tables.stream().map(Table::name).filter(t -> !referenced.contains(t)).toList();
        if (tables.isEmpty() || !unreferenced.isEmpty()) missed.add(tables.isEmpty() ? "no tables to cover" : "tables no requirement covers: " + names(unreferenced));
        Set<String> tableNames = tables.stream().map(Table::name).collect(Collectors.toSet());
        boolean related = tables.stream().flatMap(t -> t.columns().stream())
                .filter(col -> col.endsWith("_id")).anyMatch(col -> refersTo(col.substring(0, col.length() - 3), tableNames));
        if (!related) missed.add("no table refers to another with a <singular>_id column");
    }

    /** {@code patient} refers to {@code patients}; {@code category} to {@code categories}; {@code box} to {@code boxes}. */
    private static boolean refersTo(String singular, Set<String> tables) {
        if (singular.isEmpty()) return false;
        return tables.contains(singular) || tables.contains(singular + "s") || tables.contains(singular + "es")
                || (singular.endsWith("y") && tables.contains(singular.substring(0, singular.length() - 1) + "ies"));
    }

    private void businessModel(List<String> missed) {
        for (String field : List.of("customers", "revenue", "pricing", "value_estimate")) {
            if (!PlanView.substantive(plan.field("business_model", field), 3)) missed.add(field + " missing or a placeholder");
        }
        if (!PlanView.hasNumber(plan.field("business_model", "pricing"))) missed.add("pricing names no amount");
    }

    private void testability(List<String> missed) {
        List<Requirement> reqs = plan.requirements();
        List<Acceptance> acceptance = plan.acceptance();
        Set<String> ids = reqs.stream().map(Requirement::id).collect(Collectors.toSet());
        Set<String> checked = acceptance.stream().filter(a -> PlanView.substantive(a.check(), 3)).map(Acceptance::requirement)
                .collect(Collectors.toSet());
        List<String> stray = acceptance.stream().filter(a -> !ids.contains(a.requirement()) || !PlanView.substantive(a.check(), 3))
                .map(Acceptance::requirement).toList();
        if (acceptance.isEmpty() || !stray.isEmpty()) missed.add(acceptance.isEmpty() ? "no acceptance checks" : "acceptance entries without a requirement or a real check: " + ids(stray));
        List<String> mustUnchecked = reqs.stream().filter(r -> r.priority().equals("must") && !checked.contains(r.id())).map(Requirement::id).toList();
        if (reqs.isEmpty() || !mustUnchecked.isEmpty()) {
            missed.add(reqs.isEmpty() ? "no must requirements to check" : "must requirements without a check: " + ids(mustUnchecked));
        }
        List<String> otherUnchecked = reqs.stream().filter(r -> !r.priority().equals("must") && !checked.contains(r.id())).map(Requirement::id).toList();
        if (reqs.isEmpty() || !otherUnchecked.isEmpty()) {
            missed.add(reqs.isEmpty() ? "no requirements to check" : "should/could requirements without a check: " + ids(otherUnchecked));
        }
        List<String> metrics = plan.strings("success_metrics");
        if (metrics.isEmpty() || !metrics.stream().allMatch(PlanView::hasNumber)) missed.add("success metrics without a number");
        Set<String> observable = new HashSet<>();
        plan.tables().forEach(t -> observable.add(t.name().toLowerCase(Locale.ROOT)));
        plan.components().forEach(c -> observable.add(c.name().toLowerCase(Locale.ROOT)));
        observable.remove("");
        List<String> vague = acceptance.stream().filter(a -> observable.stream().noneMatch(a.check().toLowerCase(Locale.ROOT)::contains))
                .map(Acceptance::requirement).toList();
        if (acceptance.isEmpty() || !vague.isEmpty()) missed.add(acceptance.isEmpty() ? "no checks to observe" : "checks naming no table or workflow: " + ids(vague));
    }

    private static String ids(List<String> ids) {
        return String.join(", ", ids);
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
