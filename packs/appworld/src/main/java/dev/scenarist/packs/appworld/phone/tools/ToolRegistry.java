package dev.scenarist.packs.appworld.phone.tools;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every tool of the phone by its qualified name ({@code App__tool}), with machine-readable descriptions, so an LLM's
 * tool call (a name and a JSON argument object) can be looked up and dispatched without reflection.
 */
public final class ToolRegistry {
    private final Map<String, Tool> byName = new TreeMap<>();

    public ToolRegistry(Collection<Tool> tools) {
        for (Tool t : tools) {
            if (byName.putIfAbsent(t.spec().qualifiedName(), t) != null) {
                throw new IllegalArgumentException("two tools are named " + t.spec().qualifiedName());
            }
        }
    }

    public Optional<Tool> find(String qualifiedName) {
        return Optional.ofNullable(byName.get(qualifiedName));
    }

    /** The tool, or a refusal that suggests the nearest name the caller may call. */
    public Tool require(String qualifiedName, Layer layer) {
        Tool t = byName.get(qualifiedName);
        if (t == null) {
            List<String> callable = byName.values().stream().filter(x -> x.spec().layers().contains(layer)).map(x -> x.spec().qualifiedName()).toList();
            String near = Suggestions.nearest(qualifiedName, callable).map(n -> "; did you mean '" + n + "'?").orElse("; names look like 'EmailClientApp__list_emails'");
            throw new ToolException("unknown tool '" + qualifiedName + "'" + near);
        }
        return t;
    }

    /** All tools, sorted by name. */
    public List<Tool> all() {
        return List.copyOf(byName.values());
    }

    public List<Tool> inLayer(Layer layer) {
        return byName.values().stream().filter(t -> t.spec().layers().contains(layer)).toList();
    }

    /** Descriptions of a layer's tools, sorted by name (what an LLM agent is given). */
    public List<ToolDescription> describe(Layer layer) {
        return inLayer(layer).stream().map(t -> t.spec().describe(layer)).toList();
    }
}
