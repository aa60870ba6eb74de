package dev.scenarist.app.config;

/** A configuration problem the user must fix: the message names the file, line or option and the fix. Exit code 2. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
