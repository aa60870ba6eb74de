package dev.scenarist.packs.appworld.scenario.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.appworld.scenario.Section;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every finding code of the appworld scenario checks, with the section whose stage can fix it and the fix. The
 * rules PARE only asks for in its prompts are checks here.
 */
public enum CheckCode {
    // ---- apps ----
    APPS_SEED(Section.APPS, "correct the seed value at this path (see the pack README, 'Seed format')"),
    NO_DISTRACTOR(Section.APPS, "seed at least one more item of the same kind (another email, event, reminder...) so a wrong item can be told apart"),

    // ---- events: structure ----
    DUPLICATE_EVENT_ID(Section.EVENTS, "give every event its own id"),
    UNKNOWN_DEPENDENCY(Section.EVENTS, "depend only on ids of events in this flow"),
    DEPENDENCY_CYCLE(Section.EVENTS, "remove a dependency so the events form a chain or tree"),
    UNKNOWN_TOOL(Section.EVENTS, "use a tool the phone has: ENV tools for triggers, AGENT tools for actions (see the pack README, 'Tools')"),
    WRONG_LAYER(Section.EVENTS, "a trigger uses an ENV-layer tool; an oracle action uses an AGENT-layer tool"),
    CONDITION_DOES_NOT_COMPILE(Section.EVENTS, "write a boolean CEL expression over `log` (and `state`), e.g. log.exists(e, e.actor == \"user\" && e.tool == \"reject_proposal\")"),

    // ---- events: PARE's rules ----
    FLOW_STARTS_WITHOUT_TRIGGER(Section.EVENTS, "start the flow with an environment trigger: the first event, and every event without dependencies, is kind env"),
    TRIGGER_WITHOUT_NOTIFICATION(Section.EVENTS, "give the trigger the notification text its tool raises (the tool's template filled with the arguments)"),
    DELAY_TOO_LONG(Section.EVENTS, "use delays of at most 30 seconds; chain events for longer gaps"),
    WRITE_WITHOUT_ACCEPTED_PROPOSAL(Section.EVENTS, "make the write depend on a user_reply \"accept\" that depends on a proposal citing the trigger"),
    PROPOSAL_CITES_NON_TRIGGER(Section.EVENTS, "cite the id of the env event the proposal answers, and make the proposal depend on it"),
    ENV_DEPENDS_ON_ORACLE(Section.EVENTS, "let environment events depend only on environment events; use a condition over the log to react to the user or agent"),
    ORACLE_WITHOUT_ACTION(Section.EVENTS, "add the agent action(s) a good assistant performs after the user accepts"),

    // ---- events: the oracle run ----
    BAD_ARGUMENT(Section.EVENTS, "correct the argument as the phone's error says"),
    UNRESOLVED_DEPENDENCY(Section.EVENTS, "make sure every event this one depends on happens in the oracle run"),
    TRIGGER_NEVER_FIRES(Section.EVENTS, "check the trigger's dependencies, condition and delay so it fires in the oracle run"),
    ORACLE_EVENT_NEVER_HAPPENS(Section.EVENTS, "check the oracle event's dependencies: a user reply needs a pending proposal, an action its reply"),
    CONDITION_ERROR(Section.EVENTS, "make the condition evaluate to true or false on every log (use has() / exists() instead of indexing)"),
    ARGUMENT_NOT_DISCOVERABLE(Section.EVENTS, "use only ids and addresses the agent could have read by then (seeded data, triggers, earlier results)"),
    NOTIFICATION_MISMATCH(Section.EVENTS, "write the notification the trigger actually raises"),
    ORACLE_RUN_CAPPED(Section.EVENTS, "shorten the flow: the oracle run hit a cap"),

    // ---- validation ----
    PREDICATE_DOES_NOT_COMPILE(Section.VALIDATION, "write a boolean CEL expression over `state`, `apps` and `log`"),
    VALIDATION_READS_ACCEPTANCE(Section.VALIDATION, "judge what the agent did (its tool calls, the final state), not whether the user accepted"),
    VALIDATION_MATCHES_TEXT(Section.VALIDATION, "compare ids, addresses, times and statuses exactly; do not keyword-match free text"),
    VALIDATION_NOT_AGENT_ACTIONS(Section.VALIDATION, "when reading `log`, keep only the agent's calls (e.actor == \"agent\")"),
    ORACLE_FAILS_VALIDATION(Section.VALIDATION, "make every goal hold after the oracle run (or fix the oracle actions)"),
    NOOP_PASSES_VALIDATION(Section.VALIDATION, "require the agent's action: a goal that holds when nobody acts tests nothing"),
    WRONG_AGENT_PASSES_VALIDATION(Section.VALIDATION, "tighten the goal: check the exact item (id) and that the write came after an accepted proposal"),
    VALIDATION_NOT_JUDGED(Section.VALIDATION, "make every predicate evaluate on any play: guard lookups with `in` / has()"),
    PLAY_FAILED(Section.VALIDATION, "the play could not run; see the message");

    private final Section section;
    private final String fix;

    CheckCode(Section section, String fix) {
        this.section = section;
        this.fix = fix;
    }

    public Section section() {
        return section;
    }

    public String fix() {
        return fix;
    }

    public Finding error(String message, String location) {
        return new Finding(name(), Severity.ERROR, message, location, fix);
    }

    public Finding warning(String message, String location) {
        return new Finding(name(), Severity.WARNING, message, location, fix);
    }

    /** The code of a finding made by these checks (empty for others, e.g. core's). */
    public static Optional<CheckCode> of(Finding f) {
        return Arrays.stream(values()).filter(c -> c.name().equals(f.code())).findFirst();
    }
}
