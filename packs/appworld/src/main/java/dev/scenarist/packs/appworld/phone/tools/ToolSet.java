package dev.scenarist.packs.appworld.phone.tools;

import dev.scenarist.packs.appworld.phone.notify.NotificationTemplate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an app declares its tools, one readable block per tool:
 * <pre>{@code
 * tools.agent("get_email_by_id", "Read one email.")
 *      .required("email_id", JsonType.STRING, "id of the email")
 *      .handle(a -> ...);
 * }</pre>
 */
public final class ToolSet {
    private final String app;
    private final List<Tool> tools = new ArrayList<>();

    public ToolSet(String app) {
        this.app = app;
    }

    /** A tool of the assistant's flat API. */
    public Definition agent(String name, String description) {
        return new Definition(name, description, EnumSet.of(Layer.AGENT), Set.of(), Optional.empty());
    }

    /** A user tool offered only on these screens of this app. */
    public Definition user(String name, String description, String... screens) {
        if (screens.length == 0) throw new IllegalArgumentException(app + ": user tool " + name + " needs its screens (use global() for any screen)");
        return new Definition(name, description, EnumSet.of(Layer.USER), Set.of(screens), Optional.empty());
    }

    /** A tool offered to these layers on any screen (system and agent-user-interface tools). */
    public Definition global(String name, String description, Layer first, Layer... more) {
        return new Definition(name, description, EnumSet.of(first, more), Set.of(), Optional.empty());
    }

    /** An environment trigger and the notification it raises. */
    public Definition env(String name, String description, String notification) {
        return new Definition(name, description, EnumSet.of(Layer.ENV), Set.of(), Optional.of(NotificationTemplate.parse(notification)));
    }

    public List<Tool> build() {
        return List.copyOf(tools);
    }

    public final class Definition {
        private final String name;
        private final String description;
        private final Set<Layer> layers;
        private final Set<String> screens;
        private final Optional<NotificationTemplate> notification;
        private final List<Param> params = new ArrayList<>();

        private Definition(String name, String description, Set<Layer> layers, Set<String> screens, Optional<NotificationTemplate> notification) {
            this.name = name;
            this.description = description;
            this.layers = EnumSet.copyOf(layers);
            this.screens = new java.util.TreeSet<>(screens);
            this.notification = notification;
        }

        public Definition required(String param, JsonType type, String text) {
            params.add(Param.required(param, type, text));
            return this;
        }

        public Definition optional(String param, JsonType type, String text) {
            params.add(Param.optional(param, type, text));
            return this;
        }

        /** Also offers this agent tool to the user on these screens (same name and body, as PARE's screens do). */
        public Definition alsoUserOn(String... userScreens) {
            layers.add(Layer.USER);
            screens.addAll(Set.of(userScreens));
            return this;
        }

        public Definition param(Param param) {
            params.add(param);
            return this;
        }

        public void handle(ToolHandler handler) {
            ToolSpec spec = new ToolSpec(app, name, description, layers, params, screens, notification);
            if (tools.stream().anyMatch(t -> t.spec().name().equals(name))) {
                throw new IllegalStateException(spec.qualifiedName() + " is declared twice");
            }
            tools.add(new Tool(spec, handler));
        }
    }
}
