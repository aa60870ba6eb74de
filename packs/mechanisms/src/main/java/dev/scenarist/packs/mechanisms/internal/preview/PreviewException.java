package dev.scenarist.packs.mechanisms.internal.preview;

import java.io.IOException;

/** A preview could not be made; the message names the scene file and, where known, the line and file at fault. */
public final class PreviewException extends IOException {
    public PreviewException(String message, Throwable cause) {
        super(message, cause);
    }
}
