package dev.scenarist.packs.appworld.phone.seed;

/** Bad seed data; the message starts with the JSON path of the bad value, e.g. {@code $.apps.EmailClientApp.emails[2].sender}. */
public final class SeedException extends RuntimeException {
    private final String path;

    public SeedException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
