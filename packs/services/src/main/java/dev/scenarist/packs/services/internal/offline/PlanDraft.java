package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan.json of a design after a number of refinement rounds: the full plan meets every rubric rule, and round
 * {@code r} leaves the seed's {@link PlanGap#open open gaps} in it, so the score rises round over round until
 * {@link PlanGap#LAST_ROUND} and then stays.
 */
final class PlanDraft {
    private final ServiceDesign d;
    private final Set<PlanGap> gaps;
    private final Texts t;

    private PlanDraft(ServiceDesign d, List<PlanGap> gaps) {
        this.d = d;
        this.gaps = Set.copyOf(gaps);
        this.t = d.texts();
    }

    /** plan.json's text after {@code round} refinement rounds (0 = what the planning stage writes). */
    static String text(ServiceDesign d, int round) {
        return JsonText.pretty(tree(d, round));
    }

    static ObjectNode tree(ServiceDesign d, int round) {
        return new PlanDraft(d, PlanGap.open(d.seed(), round)).build();
    }

    private boolean has(PlanGap g) {
        return gaps.contains(g);
    }

    private ObjectNode build() {
        var p = d.kind().plan();
        ObjectNode root = JsonText.object();
        root.put("request", d.naming().request());
        root.put("category", d.kind().category());
        root.put("service_name", d.serviceName());
        ObjectNode analysis = root.putObject("analysis");
        analysis.put("problem", t.render(p.analysis().problem()));
        ArrayNode users = analysis.putArray("users");
        p.analysis().users().stream().limit(has(PlanGap.FEW_USERS) ? 1 : p.analysis().users().size()).forEach(u -> users.add(t.render(u)));
        analysis.put("value", t.render(p.analysis().value()));
        requirements(root.putArray("requirements"));
        ObjectNode architecture = root.putObject("architecture");
        components(architecture.putArray("components"));
        ArrayNode model = architecture.putArray("data_model");
        for (Table table : d.tables().inCreationOrder()) {
            ObjectNode n = model.addObject().put("table", table.name());
            ArrayNode cols = n.putArray("columns");
            boolean thin = has(PlanGap.THIN_TABLE) && table == d.tables().provider();
            (thin ? List.of("id") : table.columnNames()).forEach(cols::add);
        }
        resources(root.putArray("resources"));
        ObjectNode business = root.putObject("business_model");
        business.put("customers", t.render(p.businessModel().customers()));
        business.put("revenue", t.render(p.businessModel().revenue()));
        business.put("pricing", has(PlanGap.UNPRICED) ? "a monthly subscription per location" : t.render(p.businessModel().pricing()));
        business.put("value_estimate", has(PlanGap.VAGUE_VALUE) ? "to be decided" : t.render(p.businessModel().valueEstimate()));
        acceptance(root.putArray("acceptance"));
        ArrayNode risks = root.putArray("risks");
        p.risks().stream().limit(has(PlanGap.FEW_RISKS) ? 1 : p.risks().size()).forEach(r -> risks.add(t.render(r)));
        ArrayNode metrics = root.putArray("success_metrics");
        if (has(PlanGap.UNMEASURED_METRICS)) {
            metrics.add("fewer complaints about " + t.get("mains")).add("happier " + t.get("parties"));
        } else {
            p.metrics().forEach(m -> metrics.add(t.render(m)));
        }
        return root;
    }

    private void requirements(ArrayNode reqs) {
        var texts = d.kind().plan().requirements();
        String main = "table:" + d.tables().main().name();
        var automation = d.kind().automation();
        requirement(reqs, "R1", texts.get(0), "must", List.of(main, "table:" + d.tables().party().name(), "workflow:" + automation.intake().workflow()));
        requirement(reqs, "R2", texts.get(1), "must", has(PlanGap.DANGLING_COVERAGE) ? List.of("workflow:notifications")
                : List.of("workflow:" + automation.followUp().workflow(), main));
        List<String> report = new ArrayList<>();
        if (!has(PlanGap.UNREFERENCED_TABLE)) report.add("table:" + d.tables().provider().name());
        report.add(main);
        if (d.choices().weeklyReport()) report.add("workflow:" + d.weeklyReportWorkflow());
        requirement(reqs, "R3", texts.get(2), "should", report);
        d.tables().notes().ifPresent(n -> requirement(reqs, "R4", "Staff keep notes on each " + t.get("main"), "could",
                List.of("table:" + n.name())));
    }

    private void requirement(ArrayNode reqs, String id, String text, String priority, List<String> coveredBy) {
        ObjectNode r = reqs.addObject().put("id", id).put("text", t.render(text)).put("priority", priority);
        ArrayNode c = r.putArray("covered_by");
        coveredBy.forEach(c::add);
    }

    private void components(ArrayNode components) {
        component(components, d.tables().main().name().replace('_', '-') + "-db", "storage", "postgres",
                t.get("providers") + ", " + t.get("parties") + " and their " + t.get("mains"));
        var automation = d.kind().automation();
        component(components, automation.intake().workflow(), "workflow", "n8n", "receives new " + t.get("mains") + " and stores them");
        component(components, automation.followUp().workflow(), "workflow", "n8n", "selects " + t.get("mains") + " that need a message and sends it");
        if (d.choices().weeklyReport()) {
            component(components, d.weeklyReportWorkflow(), "workflow", "n8n", "mails a weekly summary of " + t.get("mains"));
        }
        for (Extra e : d.extraList()) component(components, e.resource() + "-" + e.componentKind(), e.componentKind(), e.resource(), e.purpose());
    }

    private static void component(ArrayNode components, String name, String kind, String resource, String purpose) {
        components.addObject().put("name", name).put("kind", kind).put("resource", resource).put("purpose", purpose);
    }

    private void resources(ArrayNode resources) {
        resources.addObject().put("name", "postgres").put("why", has(PlanGap.UNEXPLAINED_RESOURCE) ? "storage"
                : "the " + t.get("mains") + " and their history");
        if (!has(PlanGap.UNDECLARED_RESOURCE)) resources.addObject().put("name", "n8n").put("why", "intake and follow-up workflows");
        for (Extra e : d.extraList()) resources.addObject().put("name", e.resource()).put("why", e.why());
    }

    private void acceptance(ArrayNode acceptance) {
        var checks = d.kind().plan().checks();
        acceptance.addObject().put("requirement", "R1").put("check", has(PlanGap.VAGUE_CHECK) ? "it works as expected for everyone" : t.render(checks.get(0)));
        if (!has(PlanGap.MUST_WITHOUT_ACCEPTANCE)) acceptance.addObject().put("requirement", "R2").put("check", t.render(checks.get(1)));
        if (!has(PlanGap.SHOULD_WITHOUT_ACCEPTANCE)) acceptance.addObject().put("requirement", "R3").put("check", t.render(checks.get(2)));
        d.tables().notes().ifPresent(n -> acceptance.addObject().put("requirement", "R4")
                .put("check", "a note saved for " + Texts.a(t.get("main")) + " is stored in " + n.name()));
    }
}
