package dev.scenarist.packs.appworld.internal.pack;

import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Param;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The pack context placed first in every prompt: the scenario format, the rules the checks enforce, every agent and
 * environment tool with its parameters (from the phone's own registry, so it cannot drift), and one complete example.
 * Stable text, so providers' prompt caches hit.
 */
public final class PackContext {
    private PackContext() {}

    public static String text() {
        var registry = Phone.builder().build().registry();
        String agentTools = registry.inLayer(Layer.AGENT).stream().map(t -> line(t.spec())).collect(Collectors.joining("\n"));
        String envTools = registry.inLayer(Layer.ENV).stream().map(Tool::spec)
                .map(s -> line(s) + "  [notification: \"" + s.notification().orElseThrow().text() + "\"]").collect(Collectors.joining("\n"));
        return """
                You write proactive-assistant scenarios for a simulated phone, as PARE does on Meta's ARE: something happens \
                on the phone (an email arrives, a meeting is cancelled, a price drops); a proactive assistant should notice \
                it, propose the right help to the user with send_message_to_user, and act only after the user accepts. A \
                scenario is one JSON document in four sections, each written by its own step into its own file:
                - description.json: {"id": lower-case id, "title", "description": the narrative (who the user is, what \
                happens, what a good assistant does), "start_time": "YYYY-MM-DD HH:MM:SS", "persona": {"name", \
                "description"} of the simulated user, "core_apps": [the apps the scenario is about]}
                - apps.json: {"apps": {AppName: seed}} — the phone's starting data, with distractors (other items of the \
                same kind that a careless agent could act on)
                - events.json: {"events": [...]} — env events {"id", "kind": "env", "delay_seconds", "depends_on": [ids], \
                optional "condition" (CEL over log), "trigger": {"tool": an ENV tool, "args", "notification": its \
                rendered text}} and oracle events {"kind": "oracle", "proposal": {"content", "cites": the trigger's \
                id}} | {"user_reply": {"answer": "accept"|"reject"|"message", "content"}} | {"action": {"tool": an AGENT \
                tool, "args"}}
                - validation.json: {"validation": {"goals": [{"id", "predicates": [1–4 equivalent CEL predicates], \
                "rationale"}]}} over `apps` (the final snapshot, entities keyed by id) and `log` (entries with seq, \
                actor, app, tool, args, outcome)

                Rules (each is a check with a finding): the flow starts with an environment trigger; every trigger has \
                its tool's notification text; delays are at most 30 s; every write action waits (depends_on) for an \
                accepted proposal that cites its trigger; every argument of an oracle action is discoverable from data \
                the agent could have seen by then (the seed, a trigger, a tool result); no env event depends on an \
                oracle event; validation reads the agent's actions and the final state, not the user's acceptance, and \
                does not keyword-match free text; a goal may list two to four equivalent tool paths. After events and \
                after validation the scenario is played: the oracle must pass the validation, and a do-nothing agent, an \
                agent acting without a proposal and an agent acting on a wrong (distractor) item must fail it.

                Agent tools (name(parameter: type, * = required) — description):
                """ + agentTools + """


                Environment tools (the only triggers):
                """ + envTools + """


                A complete example (all four sections in one document):
                """ + example();
    }

    private static String line(ToolSpec s) {
        String params = s.params().stream().map(PackContext::param).collect(Collectors.joining(", "));
        return s.qualifiedName() + "(" + params + ") — " + s.description();
    }

    private static String param(Param p) {
        return p.name() + ": " + p.type().expected() + (p.required() ? "*" : "") + (p.allowed().isEmpty() ? "" : " " + p.allowed());
    }

    static String example() {
        try (InputStream in = PackContext.class.getResourceAsStream("/dev/scenarist/packs/appworld/example-scenario.json")) {
            if (in == null) throw new IllegalStateException("the example scenario is missing from the pack's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
