package dev.scenarist.packs.appworld.phone.tools;

/**
 * The body of a tool. It gets validated arguments and returns any JSON-able value (a record, a list, a string, or
 * null for "nothing"); it throws {@link ToolException} to refuse the call.
 */
@FunctionalInterface
public interface ToolHandler {
    Object handle(Args args);
}
