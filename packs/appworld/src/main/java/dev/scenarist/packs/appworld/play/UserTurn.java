package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the user sees and may do during one turn; calls are made as the user (screen rules apply). */
public interface UserTurn {
    Instant now();

    /** What became visible to the user since their last turn (the agent's proposals, triggers), oldest first. */
    List<Notification> news();

    /** The user tools offered on the current screen plus the global ones. */
    List<ToolDescription> tools();

    ToolResult call(String tool, Map<String, ?> arguments);
}
