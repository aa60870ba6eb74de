package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scenarist.packs.appworld.phone.log.ActionLog;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.nav.Navigation;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolException;
import dev.scenarist.packs.appworld.phone.tools.ToolRegistry;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.phone.tools.ToolSpec;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * One call, start to finish: find the tool, check the caller's layer (and the user's screen), validate arguments,
 * run the body, raise an ENV tool's notification, and log the call with its outcome.
 */
final class Dispatcher {
    private final ToolRegistry registry;
    private final Navigation navigation;
    private final SimClock clock;
    private final ActionLog log;
    private final ObjectMapper json;
    private final NotificationPoster poster;

    /** Posts an ENV trigger's notification. */
    interface NotificationPoster {
        void post(String app, String source, String text, EnumSet<Actor> audience);
    }

    Dispatcher(ToolRegistry registry, Navigation navigation, SimClock clock, ActionLog log, ObjectMapper json, NotificationPoster poster) {
        this.registry = registry;
        this.navigation = navigation;
        this.clock = clock;
        this.log = log;
        this.json = json;
        this.poster = poster;
    }

    ToolResult call(Actor actor, String name, JsonNode raw) {
        long seq = log.reserve();
        Instant started = clock.now();
        JsonNode logged = raw == null ? json.createObjectNode() : raw.deepCopy();
        String app = name.contains(ToolSpec.SEPARATOR) ? name.substring(0, name.indexOf(ToolSpec.SEPARATOR)) : "";
        String toolName = name.contains(ToolSpec.SEPARATOR) ? name.substring(name.indexOf(ToolSpec.SEPARATOR) + 2) : name;
        ToolResult result;
        try {
            result = new ToolResult.Ok(run(actor, name, raw));
        } catch (ToolException e) {
            result = new ToolResult.Error(e.getMessage());
        } catch (RuntimeException e) {
            // a bug in a tool body must not kill an agent's run; it is logged like any refusal, with its cause
            result = new ToolResult.Error(name + ": internal error: " + e);
        }
        log.fill(new LogEntry.ToolCall(seq, started, actor, app, toolName, logged, result));
        return result;
    }

    /** Runs a scheduled trigger as the environment. */
    Consumer<ScheduledTrigger> triggers() {
        return t -> call(Actor.ENV, t.tool(), t.arguments());
    }

    private JsonNode run(Actor actor, String name, JsonNode raw) {
        Tool tool = registry.require(name, actor.layer());
        ToolSpec spec = tool.spec();
        if (!spec.layers().contains(actor.layer())) throw new ToolException(wrongLayer(actor, spec));
        Screen screen = actor == Actor.USER ? navigation.current() : Screen.HOME;
        if (actor == Actor.USER && !spec.offeredOn(screen.app(), screen.name())) throw new ToolException(wrongScreen(spec, screen));
        Args args = Args.validate(spec, raw, actor, screen);
        Object value = tool.handler().handle(args);
        if (actor == Actor.ENV) spec.notification().ifPresent(t -> poster.post(spec.app(), spec.qualifiedName(), t.render(args.asTextMap()), EnumSet.of(Actor.AGENT, Actor.USER)));
        return value == null ? NullNode.getInstance() : json.valueToTree(value);
    }

    private static String wrongLayer(Actor actor, ToolSpec spec) {
        String owner = spec.layers().contains(Layer.ENV) ? "an environment trigger"
                : spec.layers().contains(Layer.USER) ? "a user tool" : "an agent tool";
        return spec.qualifiedName() + " is " + owner + "; the " + actor.wireName() + " cannot call it";
    }

    private static String wrongScreen(ToolSpec spec, Screen screen) {
        String where = screen.equals(Screen.HOME) ? "the home screen" : "screen '" + screen.name() + "' of " + screen.app();
        String needs = String.join("' or '", spec.screens().stream().sorted().toList());
        return spec.qualifiedName() + ": not available on " + where + "; it needs screen '" + needs + "' of " + spec.app()
                + (screen.app().equals(spec.app()) ? " (navigate there first)" : " (open it with SystemApp__open_app, then navigate there)");
    }
}
