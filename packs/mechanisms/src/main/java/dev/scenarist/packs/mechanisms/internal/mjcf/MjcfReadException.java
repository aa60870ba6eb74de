package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.io.IOException;

/** An MJCF model, or a value in it, cannot be read; the message names the file (and line, where known). */
public final class MjcfReadException extends IOException {
    public MjcfReadException(String message) {
        super(message);
    }

    public MjcfReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
