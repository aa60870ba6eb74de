package dev.scenarist.core.review;

import java.util.Optional;

/**
 * A file of a paused run, as a person reviewing it sees it.
 *
 * @param editable whether the reviewed stage may write it (so a person may override it)
 * @param content  its text, for editable files of at most {@link #MAX_EDITABLE_BYTES}; empty otherwise
 */
public record GateFile(String path, long bytes, boolean editable, Optional<String> content) {
    /** Larger files are listed, not offered for editing in a text box. */
    public static final long MAX_EDITABLE_BYTES = 256 * 1024;
}
