package dev.scenarist.packs.appworld.scenario;

import java.util.List;

/**
 * The separable parts of a scenario document, in pipeline order. Each stage edits one section; each check says
 * which section its findings are about, so feedback goes to the stage that can fix it.
 */
public enum Section {
    DESCRIPTION(List.of("id", "title", "description", "start_time", "persona", "core_apps")),
    APPS(List.of("apps")),
    EVENTS(List.of("events")),
    VALIDATION(List.of("validation"));

    private final List<String> fields;

    Section(List<String> fields) {
        this.fields = fields;
    }

    /** The top-level JSON fields this section owns. */
    public List<String> fields() {
        return fields;
    }
}
