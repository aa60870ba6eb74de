package dev.scenarist.packs.appworld.phone.nav;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.log.Change;
import dev.scenarist.packs.appworld.phone.log.ChangeRecorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the user is: the app in the foreground (or the home screen) and, for every app opened so far, its own
 * back stack of screens, kept while the app is in the background (PARE's per-app finite state machines).
 */
public final class Navigation {
    private final ChangeRecorder recorder;
    private final Map<String, Deque<Screen>> stacks = new TreeMap<>();
    private String foreground; // null = home screen

    public Navigation(ChangeRecorder recorder) {
        this.recorder = recorder;
    }

    public Screen current() {
        return foreground == null ? Screen.HOME : stacks.get(foreground).peek();
    }

    public Optional<String> foregroundApp() {
        return Optional.ofNullable(foreground);
    }

    /** Apps opened and not closed, in name order. */
    public List<String> runningApps() {
        return List.copyOf(stacks.keySet());
    }

    public boolean isRunning(String app) {
        return stacks.containsKey(app);
    }

    /** Brings {@code app} to the front, at {@code root} when it was not running, else where the user left it. */
    public Screen open(String app, Screen root) {
        Screen before = current();
        stacks.computeIfAbsent(app, a -> {
            Deque<Screen> d = new ArrayDeque<>();
            d.push(root);
            return d;
        });
        foreground = app;
        return moved(before);
    }

    public Screen goHome() {
        Screen before = current();
        foreground = null;
        return moved(before);
    }

    /** Opens a deeper screen of the foreground app (e.g. inbox → email detail). */
    public Screen push(Screen screen) {
        requireForeground(screen.app());
        Screen before = current();
        stacks.get(foreground).push(screen);
        return moved(before);
    }

    /** Replaces the current screen (e.g. switching folder in the mailbox). */
    public Screen replace(Screen screen) {
        requireForeground(screen.app());
        Screen before = current();
        stacks.get(foreground).pop();
        stacks.get(foreground).push(screen);
        return moved(before);
    }

    /** Pops one screen; false when already at the app's root (or home). */
    public boolean back() {
        if (foreground == null || stacks.get(foreground).size() <= 1) return false;
        Screen before = current();
        stacks.get(foreground).pop();
        moved(before);
        return true;
    }

    public ObjectNode snapshot() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("foreground", foreground == null ? "home" : foreground);
        o.set("current", toJson(current()));
        ObjectNode apps = o.putObject("apps");
        stacks.forEach((app, stack) -> {
            var arr = apps.putArray(app);
            List<Screen> bottomUp = new ArrayList<>(stack);
            java.util.Collections.reverse(bottomUp);
            bottomUp.forEach(s -> arr.add(toJson(s)));
        });
        return o;
    }

    public static ObjectNode toJson(Screen s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("app", s.app());
        o.put("screen", s.name());
        ObjectNode p = o.putObject("params");
        s.params().forEach(p::put);
        return o;
    }

    private void requireForeground(String app) {
        if (!app.equals(foreground)) throw new IllegalStateException("cannot navigate inside " + app + " while " + current() + " is shown");
    }

    private Screen moved(Screen before) {
        Screen after = current();
        if (!after.equals(before)) recorder.record("SystemApp", "screen", "user", new Change.Updated(toJson(before), toJson(after)));
        return after;
    }
}
