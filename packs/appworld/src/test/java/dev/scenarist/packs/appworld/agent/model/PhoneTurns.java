package dev.scenarist.packs.appworld.agent.model;

import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.AgentTurn;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test support: turns over a real phone, as a player gives them — news taken for the agent, calls made as the agent, a call cap. */
final class PhoneTurns {
    private final Phone phone;
    private int callsLeft;

    PhoneTurns(Phone phone, int callBudget) {
        this.phone = phone;
        this.callsLeft = callBudget;
    }

    /** The next turn: what became visible to the agent since the last one. */
    AgentTurn next() {
        Instant now = phone.now();
        List<Notification> news = phone.takeNotifications(Actor.AGENT);
        return new AgentTurn() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public List<Notification> news() {
                return news;
            }

            @Override
            public List<ToolDescription> tools() {
                return phone.agentTools();
            }

            @Override
            public ToolResult call(String tool, Map<String, ?> arguments) {
                if (callsLeft <= 0) throw new IllegalStateException("the agent called a tool with no calls left");
                callsLeft--;
                return phone.call(Actor.AGENT, tool, arguments);
            }

            @Override
            public int callsLeft() {
                return callsLeft;
            }
        };
    }
}
