package dev.scenarist.packs.appworld.phone.tools;

/**
 * A call the tool refuses (bad argument, unknown id, wrong screen, illegal state). The message is complete and is
 * handed to the caller as {@link ToolResult.Error}; the phone's state is unchanged.
 */
public final class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }
}
