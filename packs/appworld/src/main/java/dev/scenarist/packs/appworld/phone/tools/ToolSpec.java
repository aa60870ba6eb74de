package dev.scenarist.packs.appworld.phone.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.notify.NotificationTemplate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about a tool except its body.
 *
 * @param layers       who may call it (a few system tools, like get_current_time, serve both agent and user)
 * @param screens      for the USER layer: the screens of {@code app} it is offered on; empty means "on any screen"
 *                     (system and agent-user-interface tools, which a phone shows everywhere)
 * @param notification for ENV tools: the text the trigger shows, e.g. "New email from {sender}: {subject}"
 */
public record ToolSpec(String app, String name, String description, Set<Layer> layers, List<Param> params,
                       Set<String> screens, Optional<NotificationTemplate> notification) {

    /** ARE's naming: {@code EmailClientApp__list_emails}. */
    public static final String SEPARATOR = "__";

    public ToolSpec {
        if (layers.isEmpty()) throw new IllegalArgumentException(app + SEPARATOR + name + ": a tool needs a layer");
        // stable iteration orders (Set.copyOf's differs between JVM runs)
        layers = java.util.Collections.unmodifiableSet(EnumSet.copyOf(layers));
        params = List.copyOf(params);
        screens = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(screens));
        if (layers.contains(Layer.ENV) != notification.isPresent()) {
            throw new IllegalArgumentException(app + SEPARATOR + name + ": ENV tools, and only they, carry a notification template");
        }
        if (notification.isPresent()) {
            for (String p : notification.get().placeholders()) {
                if (params.stream().noneMatch(x -> x.name().equals(p))) {
                    throw new IllegalArgumentException(app + SEPARATOR + name + ": template placeholder {" + p + "} is not a parameter");
                }
            }
        }
    }

    public String qualifiedName() {
        return app + SEPARATOR + name;
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** Offered to the user on this screen of this app? (Global tools are offered everywhere.) */
    public boolean offeredOn(String currentApp, String screen) {
        return screens.isEmpty() || (app.equals(currentApp) && screens.contains(screen));
    }

    /** The parameters as a JSON Schema (draft 2020-12) object. */
    public ObjectNode parametersSchema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode props = f.objectNode();
        ArrayNode required = f.arrayNode();
        for (Param p : params) {
            ObjectNode s = p.type().schema(f);
            s.put("description", p.description());
            if (!p.allowed().isEmpty()) {
                ArrayNode values = s.putArray("enum");
                p.allowed().forEach(values::add);
            }
            props.set(p.name(), s);
            if (p.required()) required.add(p.name());
        }
        ObjectNode schema = f.objectNode().put("type", "object");
        schema.set("properties", props);
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The description as {@code viewer} sees it: the user's version says on which screens the tool is offered. */
    public ToolDescription describe(Layer viewer) {
        String text = description;
        if (viewer == Layer.USER && !screens.isEmpty()) {
            text += " (on screen" + (screens.size() > 1 ? "s " : " ") + String.join(", ", screens.stream().sorted().toList()) + ")";
        }
        return new ToolDescription(qualifiedName(), text, parametersSchema());
    }
}
