package dev.scenarist.packs.appworld.phone.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import java.util.List;

/** One app of the phone: its typed state, its tools in all three layers, its seed reader and its snapshot. */
public interface PhoneApp {
    /** ARE's app name, the prefix of its tools' names, e.g. {@code EmailClientApp}. */
    String name();

    /** The screen {@code open_app} lands on. */
    Screen rootScreen();

    List<Tool> tools();

    /** Loads the app's state from its part of the scenario's {@code apps} section, replacing what was there. */
    void seed(SeedNode node);

    /** The whole state as JSON with a deterministic key order. */
    JsonNode snapshot();
}
