package dev.scenarist.core.pack;

import java.util.Map;

/**
 * A pack that groups its promoted scenarios in one sub-folder of {@code datasets/<pack>/} (mechanisms: its
 * {@code tier<T>}). A pack chooses only the group; the rest of the path is {@link Capabilities#datasetPath}'s. Without
 * it, scenarios sit directly in {@code datasets/<pack>/}.
 */
public non-sealed interface DatasetGrouping extends PackCapability {
    /** The group (one folder name) of a scenario with these run parameters. */
    String datasetGroup(Map<String, Object> parameters);
}
