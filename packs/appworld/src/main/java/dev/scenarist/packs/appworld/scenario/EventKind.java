package dev.scenarist.packs.appworld.scenario;

/** Environment events change the world; oracle events are the reference behaviour of the agent and the user. */
public enum EventKind {
    ENV, ORACLE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
