package dev.scenarist.packs.appworld.phone.apps.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Navigation;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/**
 * ARE's SystemApp (time, wait for notification) plus PARE's home-screen tools for the user: open an app, switch
 * between running apps, go home, go back one screen.
 */
public final class SystemApp implements PhoneApp {
    public static final String NAME = "SystemApp";
    private final AppContext ctx;

    public SystemApp(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.HOME;
    }

    /** ARE's get_current_time result. */
    public record CurrentTime(long currentTimestamp, String currentDatetime, String currentWeekday) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.global("get_current_time", "Get the current date, time and weekday (UTC).", Layer.AGENT, Layer.USER)
                .handle(a -> {
                    Instant now = ctx.clock().now();
                    return new CurrentTime(now.getEpochSecond(), SimClock.format(now),
                            now.atZone(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                });
        t.global("wait_for_notification", "Wait until the next notification or user message arrives, or until the timeout, whichever "
                        + "comes first. Returns at once when there are unread notifications. Use only when there is nothing else to do.",
                        Layer.AGENT, Layer.USER)
                .optional("timeout", INTEGER, "longest wait in seconds (default 0)")
                .handle(a -> ctx.services().waitForNotification(a.actor(), Duration.ofSeconds(a.nonNegative("timeout", 0))));
        t.global("open_app", "Open an app: where the user left it if it is running, else at its first screen.", Layer.USER)
                .required("app_name", STRING, "name of the app, e.g. EmailClientApp")
                .handle(a -> describe(ctx.navigation().open(appName(a), ctx.services().rootScreen(appName(a)).orElseThrow())));
        t.global("switch_app", "Switch to an app already running in the background, keeping its screen.", Layer.USER)
                .required("app_name", STRING, "name of a running app")
                .handle(a -> {
                    String app = appName(a);
                    Navigation nav = ctx.navigation();
                    if (!nav.isRunning(app)) {
                        throw a.fail(app + " is not running; running apps: " + (nav.runningApps().isEmpty() ? "none" : String.join(", ", nav.runningApps()))
                                + " (use open_app to start it)");
                    }
                    return describe(nav.open(app, ctx.services().rootScreen(app).orElseThrow()));
                });
        t.global("go_home", "Go to the home screen (the open app keeps its screen in the background).", Layer.USER)
                .handle(a -> describe(ctx.navigation().goHome()));
        t.global("go_back", "Go back one screen in the open app.", Layer.USER)
                .handle(a -> {
                    if (!ctx.navigation().back()) {
                        throw a.fail("already at the first screen of " + (ctx.navigation().foregroundApp().orElse("the home screen")) + "; nothing to go back to");
                    }
                    return describe(ctx.navigation().current());
                });
        return t.build();
    }

    private String appName(Args a) {
        String name = a.string("app_name");
        List<String> apps = ctx.services().launchableApps();
        if (!apps.contains(name)) throw a.unknown("app", "app_name", name, apps);
        return name;
    }

    private static JsonNode describe(Screen s) {
        return Navigation.toJson(s);
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of());
    }

    @Override
    public JsonNode snapshot() {
        return ctx.json().createObjectNode();
    }
}
