package dev.scenarist.core.pack;

/** A scenario's human-facing title and one-paragraph description, for manifests, lists and the dashboard. */
public record ScenarioSummary(String title, String description) {
    public ScenarioSummary {
        title = title == null || title.isBlank() ? "(untitled)" : title.strip();
        description = description == null ? "" : description.strip();
    }
}
