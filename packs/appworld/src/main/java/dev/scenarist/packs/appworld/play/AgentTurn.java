package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What an agent sees and may do during one turn; every call is made as the agent and goes to the action log. */
public interface AgentTurn {
    /** The simulated time at the start of the turn. */
    Instant now();

    /** What became visible to the agent since its last turn (notifications, the user's messages), oldest first. */
    List<Notification> news();

    /** The agent's flat API: every agent tool of every app, with its JSON-schema parameters. */
    List<ToolDescription> tools();

    /**
     * Calls an agent tool by its full name ({@code EmailClientApp__reply_to_email}) with JSON-typed arguments. An
     * unknown tool or a bad argument is an {@link ToolResult.Error} naming the fix, never an exception.
     */
    ToolResult call(String tool, Map<String, ?> arguments);

    /** Tool calls the agent may still make in this play (the player's cap against a looping agent). */
    int callsLeft();
}
