package dev.scenarist.packs.appworld.phone.log;

/** Where apps report their state changes; the phone stamps them with time and order. */
@FunctionalInterface
public interface ChangeRecorder {
    void record(String app, String entity, String id, Change change);
}
