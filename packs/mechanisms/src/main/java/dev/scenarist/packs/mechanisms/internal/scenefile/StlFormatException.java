package dev.scenarist.packs.mechanisms.internal.scenefile;

import java.io.IOException;

/** A file that is not readable binary STL; the message says why (ASCII STL, truncated, wrong count). */
public class StlFormatException extends IOException {
    public StlFormatException(String message) {
        super(message);
    }
}
