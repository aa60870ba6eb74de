package dev.scenarist.packs.services.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.catalog.GroupKey;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.Locale;

/**
 * What the uniqueness gate compares for a service scenario: a first line naming its business category (its
 * {@link #GROUP_KEY group}: an invoice tracker is compared only with invoice trackers), then what the plan says the
 * service is — the request, the customers, the requirements and the tables. The service's name is left out: two plans
 * for the same business with the same requirements are the same scenario, whatever the service is called.
 */
public final class ServiceText {
    private static final String PREFIX = "category:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceText() {}

    /** The text of the plan in the workspace; the raw plan text when it is not JSON (the gate still compares something). */
    public static String of(Workspace workspace) {
        String raw = workspace.read(ScenarioFiles.PLAN).orElse("");
        JsonNode plan;
        try {
            plan = JSON.readTree(raw);
        } catch (java.io.IOException e) {
            return raw;
        }
        if (plan == null || !plan.isObject()) return raw;
        StringBuilder b = new StringBuilder(PREFIX).append(plan.path("category").asText("").strip().toLowerCase(Locale.ROOT)).append('\n');
        b.append(plan.path("request").asText("")).append('\n');
        b.append(plan.path("business_model").path("customers").asText("")).append('\n');
        for (JsonNode r : plan.path("requirements")) b.append(r.path("text").asText("")).append('\n');
        for (JsonNode t : plan.path("architecture").path("data_model")) {
            b.append("table ").append(t.path("table").asText(""));
            for (JsonNode c : t.path("columns")) b.append(' ').append(c.asText(""));
            b.append('\n');
        }
        return b.toString();
    }

    /** The category of a text made by {@link #of}; "" for any other text. */
    public static final GroupKey GROUP_KEY = text -> {
        if (!text.startsWith(PREFIX)) return "";
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(PREFIX.length(), end);
    };

    /** Title and one line for listings: service.json's display name and description once written, else the plan's. */
    public static dev.scenarist.core.pack.ScenarioSummary summary(Workspace workspace) {
        JsonNode service = tree(workspace.read(ScenarioFiles.SERVICE).orElse("")).path("service");
        JsonNode plan = tree(workspace.read(ScenarioFiles.PLAN).orElse(""));
        String title = first(service.path("displayName").asText(""), plan.path("service_name").asText(""), "service scenario");
        String line = first(service.path("description").asText(""), plan.path("request").asText(""), "a deployable service scenario");
        return new dev.scenarist.core.pack.ScenarioSummary(title, line);
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? JSON.createObjectNode() : n;
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String first(String... values) {
        for (String v : values) if (!v.isBlank()) return v.strip();
        return "";
    }
}
