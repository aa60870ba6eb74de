package dev.scenarist.packs.appworld.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What an event does; each kind carries exactly its own fields. */
public sealed interface EventAction {
    EventKind kind();

    /** Who performs it in the oracle run. */
    Performer performer();

    /** Who performs an event. */
    enum Performer { ENVIRONMENT, AGENT, USER }

    /**
     * An environment trigger: an ENV-layer tool of the phone.
     *
     * @param notification the notification text the trigger is expected to raise (rendered from the tool's template)
     */
    record Trigger(String tool, ObjectNode args, Optional<String> notification) implements EventAction {
        public Trigger {
            Objects.requireNonNull(tool, "tool");
            args = args.deepCopy();
            Objects.requireNonNull(notification, "notification");
        }

        @Override
        public ObjectNode args() {
            return args.deepCopy();
        }

        public EventKind kind() {
            return EventKind.ENV;
        }

        public Performer performer() {
            return Performer.ENVIRONMENT;
        }
    }

    /** The agent's proposal ({@code AgentUserInterface__send_message_to_user}), citing the trigger it answers. */
    record Proposal(String content, String cites) implements EventAction {
        public Proposal {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(cites, "cites");
        }

        public EventKind kind() {
            return EventKind.ORACLE;
        }

        public Performer performer() {
            return Performer.AGENT;
        }
    }

    /** The user's answer to the pending proposal, or a free message to the agent. */
    record UserReply(Answer answer, String content) implements EventAction {
        public UserReply {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(content, "content");
        }

        public EventKind kind() {
            return EventKind.ORACLE;
        }

        public Performer performer() {
            return Performer.USER;
        }
    }

    /** The user's possible answers, with the AgentUserInterface tool each one calls. */
    enum Answer {
        ACCEPT("AgentUserInterface__accept_proposal"),
        REJECT("AgentUserInterface__reject_proposal"),
        MESSAGE("AgentUserInterface__send_message_to_agent");

        private final String tool;

        Answer(String tool) {
            this.tool = tool;
        }

        public String tool() {
            return tool;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One agent tool call of the reference solution. */
    record AgentAction(String tool, ObjectNode args) implements EventAction {
        public AgentAction {
            Objects.requireNonNull(tool, "tool");
            args = args.deepCopy();
        }

        @Override
        public ObjectNode args() {
            return args.deepCopy();
        }

        public EventKind kind() {
            return EventKind.ORACLE;
        }

        public Performer performer() {
            return Performer.AGENT;
        }
    }
}
