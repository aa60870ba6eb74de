package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.IdSource;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.apps.StandardApps;
import dev.scenarist.packs.appworld.phone.log.ActionLog;
import dev.scenarist.packs.appworld.phone.log.ChangeRecorder;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.nav.Navigation;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.notify.NotificationCenter;
import dev.scenarist.packs.appworld.phone.seed.SeedException;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Suggestions;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolRegistry;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A simulated phone: the apps with their typed state, one tool registry over the three layers, the simulated clock
 * with its scheduled triggers, notifications, the user's navigation and the action log. Single-threaded by design:
 * a scenario run drives one phone step by step.
 */
public final class Phone {
    private final ObjectMapper json = PhoneJson.newMapper();
    private final SimClock clock;
    private final ActionLog log = new ActionLog();
    private final NotificationCenter notifications = new NotificationCenter();
    private final Navigation navigation;
    private final Map<String, PhoneApp> apps = new LinkedHashMap<>();
    private final ToolRegistry registry;
    private final Dispatcher dispatcher;
    private final Timeline timeline;
    private boolean seeding;

    private Phone(Instant start, List<Function<AppContext, PhoneApp>> factories) {
        this.clock = new SimClock(start);
        ChangeRecorder recorder = (app, entity, id, change) -> {
            if (!seeding) log.append(seq -> new LogEntry.StateChange(seq, clock.now(), app, entity, id, change));
        };
        this.navigation = new Navigation(recorder);
        AppContext ctx = new AppContext(clock, new IdSource(), recorder, json, navigation, new Services(this));
        List<Tool> tools = new ArrayList<>();
        for (var factory : factories) {
            PhoneApp app = factory.apply(ctx);
            if (apps.putIfAbsent(app.name(), app) != null) throw new IllegalArgumentException("two apps are named " + app.name());
            tools.addAll(app.tools());
        }
        this.registry = new ToolRegistry(tools);
        this.dispatcher = new Dispatcher(registry, navigation, clock, log, json, (app, source, text, audience) -> post(app, source, text, audience));
        this.timeline = new Timeline(clock, log, dispatcher.triggers());
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- calls -------------------------------------------------------------------------------------------------

    /** Calls a tool by its qualified name ({@code EmailClientApp__list_emails}) with a JSON argument object. */
    public ToolResult call(Actor actor, String tool, JsonNode arguments) {
        return dispatcher.call(actor, tool, arguments);
    }

    /** Same, with arguments as a map (values: strings, numbers, booleans, lists, maps). */
    public ToolResult call(Actor actor, String tool, Map<String, ?> arguments) {
        return call(actor, tool, json.<JsonNode>valueToTree(arguments));
    }

    /** The agent's tools (the flat API), sorted by name: what an LLM agent is given. */
    public List<ToolDescription> agentTools() {
        return registry.describe(Layer.AGENT);
    }

    /** The user's tools offered right now: those of the current screen plus the global system/interface tools. */
    public List<ToolDescription> userTools() {
        Screen s = navigation.current();
        return registry.inLayer(Layer.USER).stream().filter(t -> t.spec().offeredOn(s.app(), s.name())).map(t -> t.spec().describe(Layer.USER)).toList();
    }

    public ToolRegistry registry() {
        return registry;
    }

    // ---- time and triggers -------------------------------------------------------------------------------------

    public Instant now() {
        return clock.now();
    }

    /**
     * Schedules an environment trigger {@code delay} from now. The tool must be an ENV tool; its arguments are
     * validated when it fires (an invalid trigger is logged as an error, like any call).
     */
    public ScheduledTrigger schedule(Duration delay, String envTool, JsonNode arguments) {
        Tool tool = registry.find(envTool).orElseThrow(() -> new IllegalArgumentException("unknown trigger '" + envTool + "'; "
                + Suggestions.hint(envTool, registry.inLayer(Layer.ENV).stream().map(t -> t.spec().qualifiedName()).toList())));
        if (!tool.spec().layers().contains(Layer.ENV)) {
            throw new IllegalArgumentException(envTool + " is not an environment trigger; only ENV tools can be scheduled");
        }
        if (delay.isNegative()) throw new IllegalArgumentException("delay of " + envTool + " must not be negative: " + delay);
        return timeline.schedule(clock.now().plus(delay), envTool, arguments == null ? json.createObjectNode() : arguments);
    }

    /** Advances simulated time, firing the triggers that fall due (an event flow's delay). */
    public void advance(Duration duration, String reason) {
        if (duration.isNegative()) throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
        timeline.advanceTo(clock.now().plus(duration), reason);
    }

    /** Fires the triggers due at the current time without moving the clock. */
    public void fireDue() {
        timeline.fireDue();
    }

    public List<ScheduledTrigger> pendingTriggers() {
        return timeline.pending();
    }

    // ---- notifications, navigation, log ------------------------------------------------------------------------

    public List<Notification> unreadNotifications(Actor reader) {
        return notifications.unread(reader);
    }

    public List<Notification> takeNotifications(Actor reader) {
        return notifications.take(reader);
    }

    public List<Notification> notifications() {
        return notifications.all();
    }

    public Screen userScreen() {
        return navigation.current();
    }

    public ActionLog log() {
        return log;
    }

    public String logJsonLines() {
        return log.toJsonLines(json);
    }

    public Optional<PhoneApp> app(String name) {
        return Optional.ofNullable(apps.get(name));
    }

    public List<String> appNames() {
        return List.copyOf(apps.keySet());
    }

    /** The phone's JSON dialect (snake_case, sorted keys, "YYYY-MM-DD HH:MM:SS" times). */
    public ObjectMapper json() {
        return json;
    }

    // ---- snapshot ----------------------------------------------------------------------------------------------

    /** The whole phone as one JSON object, keys in a fixed order: what validation predicates read. */
    public ObjectNode snapshot() {
        ObjectNode root = json.createObjectNode();
        root.put("current_datetime", SimClock.format(clock.now()));
        ObjectNode appsNode = root.putObject("apps");
        apps.keySet().stream().sorted().forEach(name -> appsNode.set(name, apps.get(name).snapshot()));
        root.set("navigation", navigation.snapshot());
        ArrayNode notes = root.putArray("notifications");
        for (Notification n : notifications.all()) notes.add(json.valueToTree(n));
        ArrayNode pending = root.putArray("pending_triggers");
        for (ScheduledTrigger t : timeline.pending()) pending.add(json.valueToTree(t));
        return root;
    }

    public String snapshotJson() {
        try {
            return json.writeValueAsString(snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the phone snapshot", e);
        }
    }

    // ---- internals shared with Services ------------------------------------------------------------------------

    Notification post(String app, String source, String text, java.util.Set<Actor> audience) {
        Notification n = notifications.post(clock.now(), app, source, text, audience);
        log.append(seq -> new LogEntry.Notified(seq, clock.now(), n));
        return n;
    }

    SimClock clock() {
        return clock;
    }

    Timeline timeline() {
        return timeline;
    }

    NotificationCenter notificationCenter() {
        return notifications;
    }

    Map<String, PhoneApp> apps() {
        return apps;
    }

    private void seed(JsonNode appsSection) {
        SeedNode root = new SeedNode(appsSection, "$.apps").object(apps.keySet());
        seeding = true;
        try {
            for (var e : apps.entrySet()) {
                if (root.has(e.getKey())) e.getValue().seed(root.child(e.getKey()));
            }
        } finally {
            seeding = false;
        }
    }

    /** Builds a phone; seeding happens here, so a bad seed never leaves a half-loaded phone behind. */
    public static final class Builder {
        private Instant start = Instant.parse("2024-10-15T09:00:00Z");
        private List<Function<AppContext, PhoneApp>> apps = StandardApps.all();
        private JsonNode seed;

        /** The scenario's start time (default 2024-10-15 09:00:00 UTC). */
        public Builder startAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Replaces the default app set (the nine apps, SystemApp and AgentUserInterface). */
        public Builder apps(List<Function<AppContext, PhoneApp>> apps) {
            this.apps = List.copyOf(apps);
            return this;
        }

        /** The scenario's {@code apps} section: {"EmailClientApp": {...}, "CalendarApp": {...}, ...}. */
        public Builder seed(JsonNode appsSection) {
            this.seed = appsSection;
            return this;
        }

        /** @throws SeedException naming the JSON path of the first bad seed value */
        public Phone build() {
            Phone phone = new Phone(start, apps);
            if (seed != null) phone.seed(seed);
            return phone;
        }
    }
}
