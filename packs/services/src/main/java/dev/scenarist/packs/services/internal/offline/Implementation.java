package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every file the implement stage writes for a design (all but plan.json), with the given defects or none. */
final class Implementation {
    private Implementation() {}

    static SortedMap<String, String> files(ServiceDesign d, Set<Defect> defects) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put(ScenarioFiles.SERVICE, ServiceJson.text(d, defects));
        out.put(ScenarioFiles.SCHEMA_SQL, StorageSql.schema(d));
        out.put(ScenarioFiles.SEED_SQL, StorageSql.seed(d, defects));
        for (Map.Entry<String, String> wf : Workflows.files(d).entrySet()) out.put(ScenarioFiles.N8N_DIR + wf.getKey(), wf.getValue());
        out.put(ScenarioFiles.APP_CONFIG, Configuration.appConfig(d, defects));
        out.put(ScenarioFiles.RESOURCE_URLS, Configuration.resourceUrls(d));
        out.put(ScenarioFiles.STARTUP, Scripts.startup(d, defects));
        out.put(ScenarioFiles.TEST_SCRIPT, Scripts.test(d));
        out.put(ScenarioFiles.SCENARIO_TEST, ScenarioTest.text(d, defects));
        var assistant = d.kind().automation().assistant();
        out.put(ScenarioFiles.PROMPTS_DIR + assistant.file() + ".md", "# " + assistant.title() + "\n\n" + d.texts().render(assistant.text()) + "\n");
        return out;
    }

    /** The files as one author reply: {@code <file path="...">} blocks. */
    static String reply(Map<String, String> files) {
        StringBuilder b = new StringBuilder();
        files.forEach((path, content) -> b.append("<file path=\"").append(path).append("\">\n").append(content)
                .append(content.endsWith("\n") ? "" : "\n").append("</file>\n"));
        return b.toString();
    }
}
