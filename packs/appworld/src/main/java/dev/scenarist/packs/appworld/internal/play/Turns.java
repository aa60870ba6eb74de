package dev.scenarist.packs.appworld.internal.play;

import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.AgentTurn;
import dev.scenarist.packs.appworld.play.UserTurn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The turn views the session hands to the agent and the user. */
final class Turns {
    private Turns() {}

    /** How a turn's calls reach the session (which counts, clamps waits and watches the log). */
    interface Calls {
        ToolResult call(String tool, Map<String, ?> arguments);
    }

    /** A checked failure of a user turn run inside an agent's wait, carried out of {@link AgentTurn#call}. */
    static final class Carried extends RuntimeException {
        Carried(Exception cause) {
            super(cause);
        }
    }

    record ForAgent(Phone phone, List<Notification> news, Calls calls, IntSupplier left) implements AgentTurn {
        ForAgent {
            news = List.copyOf(news);
        }

        @Override
        public Instant now() {
            return phone.now();
        }

        @Override
        public List<ToolDescription> tools() {
            return phone.agentTools();
        }

        @Override
        public ToolResult call(String tool, Map<String, ?> arguments) {
            return calls.call(tool, arguments);
        }

        @Override
        public int callsLeft() {
            return left.getAsInt();
        }
    }

    record ForUser(Phone phone, List<Notification> news, Calls calls) implements UserTurn {
        ForUser {
            news = List.copyOf(news);
        }

        @Override
        public Instant now() {
            return phone.now();
        }

        @Override
        public List<ToolDescription> tools() {
            return phone.userTools();
        }

        @Override
        public ToolResult call(String tool, Map<String, ?> arguments) {
            return calls.call(tool, arguments);
        }
    }
}
