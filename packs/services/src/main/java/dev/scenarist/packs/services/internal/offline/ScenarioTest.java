package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** scenario-test.yaml of a design: its SQL tests hold for the sample rows of seed.sql (unless {@link Defect#UNMET_EXPECTATION}). */
final class ScenarioTest {
    /** A SQL test: the first column of the first row must be at least {@code min} or at most {@code max}. */
    record SqlTest(String name, String query, Integer min, Integer max) {}

    private ScenarioTest() {}

    static List<SqlTest> sqlTests(ServiceDesign d, Set<Defect> defects) {
        Texts t = d.texts();
        String main = d.tables().main().name();
        String open = d.kind().tables().main().openStatus();
        List<SqlTest> tests = new ArrayList<>();
        // UNMET_EXPECTATION asks for more open rows than seed.sql has rows at all
        int openMin = defects.contains(Defect.UNMET_EXPECTATION) ? d.tables().main().rows().size() + 1 : 1;
        tests.add(new SqlTest(Texts.prose(open) + " " + t.get("mains") + " exist", "SELECT count(*) FROM " + main + " WHERE status = '" + open + "'",
                openMin, null));
        tests.add(new SqlTest("every " + t.get("main") + " has " + Texts.a(t.get("party")), "SELECT count(*) FROM " + main + " m LEFT JOIN "
                + d.tables().party().name() + " p ON p.id = m." + d.tables().party().foreignKey() + " WHERE p.id IS NULL", null, 0));
        switch (d.choices().thirdTest()) {
            case PROVIDERS_ON_RECORD -> tests.add(new SqlTest(t.get("providers") + " are on record",
                    "SELECT count(*) FROM " + d.tables().provider().name(), d.tables().provider().rows().size(), null));
            case NO_NEGATIVE_AMOUNT -> {
                String column = d.kind().tables().main().amountColumn().orElseThrow().column();
                tests.add(new SqlTest("no negative " + Texts.prose(column), "SELECT count(*) FROM " + main + " WHERE " + column + " < 0", null, 0));
            }
            case NOTES_ATTACHED -> {
                Table notes = d.tables().notes().orElseThrow();
                tests.add(new SqlTest("every note belongs to " + Texts.a(t.get("main")), "SELECT count(*) FROM " + notes.name() + " n LEFT JOIN " + main
                        + " m ON m.id = n." + d.tables().main().foreignKey() + " WHERE m.id IS NULL", null, 0));
            }
        }
        return tests;
    }

    static String text(ServiceDesign d, Set<Defect> defects) {
        StringBuilder b = new StringBuilder();
        b.append("version: 1\n");
        b.append("scenario: ").append(d.serviceName()).append('\n');
        b.append("structure:\n  required_files:\n");
        for (String f : List.of(ScenarioFiles.SERVICE, ScenarioFiles.SCHEMA_SQL, ScenarioFiles.SEED_SQL, ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT)) {
            b.append("    - ").append(f).append('\n');
        }
        b.append("  required_dirs:\n");
        b.append("    - ").append(ScenarioFiles.N8N_DIR, 0, ScenarioFiles.N8N_DIR.length() - 1).append('\n');
        b.append("    - ").append(ScenarioFiles.PROMPTS_DIR, 0, ScenarioFiles.PROMPTS_DIR.length() - 1).append('\n');
        b.append("resources:\n  required: [postgres, n8n]\n");
        b.append("tests:\n");
        for (SqlTest test : sqlTests(d, defects)) {
            b.append("  - name: ").append(test.name()).append('\n');
            b.append("    type: sql\n");
            b.append("    query: \"").append(test.query()).append("\"\n");
            if (test.min() != null) b.append("    expect_min: ").append(test.min()).append('\n');
            if (test.max() != null) b.append("    expect_max: ").append(test.max()).append('\n');
        }
        b.append("  - name: ").append(d.kind().automation().intake().workflow()).append(" webhook answers\n");
        b.append("    type: http\n    resource: n8n\n    method: POST\n");
        b.append("    path: /webhook/").append(d.kind().automation().intake().path()).append('\n');
        b.append("    expect_status: 200\n");
        return b.toString();
    }
}
