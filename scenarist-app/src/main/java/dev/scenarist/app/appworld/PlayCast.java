package dev.scenarist.app.appworld;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.wiring.ToolChats;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.ToolChat;
import dev.scenarist.packs.appworld.agent.model.LlmAgent;
import dev.scenarist.packs.appworld.agent.model.PersonaUser;
import dev.scenarist.packs.appworld.play.Agent;
import dev.scenarist.packs.appworld.play.Cast;
import dev.scenarist.packs.appworld.play.Cues;
import dev.scenarist.packs.appworld.play.NoopAgent;
import dev.scenarist.packs.appworld.play.OracleAgent;
import dev.scenarist.packs.appworld.play.ScriptedUser;
import dev.scenarist.packs.appworld.play.User;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who plays, from the command line: the agent ({@code oracle}, {@code noop} or a {@code provider:model} played through
 * tool calling) and the user ({@code scripted} from the oracle, or {@code persona}: a model following the scenario's
 * persona). Models are opened once and shared by every play; each play gets fresh agent and user instances. Close it
 * to release the models.
 */
public final class PlayCast implements AutoCloseable {
    public enum UserKind { scripted, persona }

    static final String AGENTS = "use 'oracle' (the scenario's reference solution), 'noop' (does nothing) or a model as provider:model"
            + " (openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5:14b)";
    private final String agentSpec;
    private final Optional<ToolChat> agentModel;
    private final UserKind user;
    private final Optional<ToolChat> userModel;
    private final List<LlmAgent> agents = new ArrayList<>();
    private final List<PersonaUser> users = new ArrayList<>();

    private PlayCast(String agentSpec, Optional<ToolChat> agentModel, UserKind user, Optional<ToolChat> userModel) {
        this.agentSpec = agentSpec;
        this.agentModel = agentModel;
        this.user = user;
        this.userModel = userModel;
    }

    /** Checks an agent spec without opening anything: exit 2 for one that is neither oracle, noop nor provider:model. */
    public static void checkAgent(String spec) {
        if (spec.equals("oracle") || spec.equals("noop")) return;
        if (ModelRef.looksLikeModel(spec)) return;
        if (spec.contains(":")) {
            try {
                ModelRef.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--agent: " + e.getMessage() + "; or " + AGENTS.substring("use ".length()));
            }
        }
        throw new ConfigException("unknown agent '" + spec + "': " + AGENTS);
    }

    /**
     * @param userModelSpec the persona user's model; empty: the agent's model when the agent is one
     */
    public static PlayCast open(String agentSpec, UserKind user, Optional<String> userModelSpec, ToolChats chats) {
        checkAgent(agentSpec);
        if (user == UserKind.scripted && userModelSpec.isPresent()) {
            throw new ConfigException("--user-model is the persona user's model; add --user persona, or drop --user-model");
        }
        boolean agentIsModel = ModelRef.looksLikeModel(agentSpec);
        Optional<String> userSpec = user == UserKind.persona ? userModelSpec.or(() -> agentIsModel ? Optional.of(agentSpec) : Optional.empty())
                : Optional.empty();
        if (user == UserKind.persona && userSpec.isEmpty()) {
            throw new ConfigException("--user persona needs a model to play the user: pass --user-model provider:model (e.g. openai:gpt-4.1-mini)");
        }
        Optional<ToolChat> agentModel = agentIsModel ? Optional.of(chats.open(agentSpec, "--agent")) : Optional.empty();
        try {
            Optional<ToolChat> userModel = userSpec.map(s -> agentModel.filter(c -> s.equals(agentSpec)).orElseGet(() -> chats.open(s, "--user-model")));
            return new PlayCast(agentSpec, agentModel, user, userModel);
        } catch (RuntimeException e) {
            agentModel.ifPresent(ToolChat::close);
            throw e;
        }
    }

    /** The agent as reports name it: {@code oracle}, {@code noop} or the model. */
    public String agentName() {
        return agentModel.map(ToolChat::id).orElse(agentSpec);
    }

    public String userName() {
        return user == UserKind.scripted ? "scripted" : "persona:" + userModel.orElseThrow().id();
    }

    /** The cast of one play of {@code scenario}: fresh model agent and persona user (each keeps one conversation). */
    public Cast castFor(Scenario scenario) {
        Function<Cues, User> users = switch (user) {
            case scripted -> ScriptedUser::new;
            case persona -> {
                var persona = scenario.description().persona().orElseThrow(() -> new ConfigException("scenario " + scenario.id()
                        + " has no persona for --user persona; add \"persona\": {\"name\", \"description\"} to its description section,"
                        + " or play it with --user scripted"));
                PersonaUser u = new PersonaUser(userModel.orElseThrow(), persona);
                this.users.add(u);
                yield cues -> u;
            }
        };
        return switch (agentSpec) {
            case "oracle" -> new Cast(OracleAgent::faithful, users, true);
            case "noop" -> new Cast(cues -> new NoopAgent(), users, false);
            default -> {
                LlmAgent a = new LlmAgent(agentModel.orElseThrow());
                agents.add(a);
                Agent agent = a;
                yield new Cast(cues -> agent, users, false);
            }
        };
    }

    /** Tokens and cost of the model agents and users so far. */
    public dev.scenarist.core.model.Usage usage() {
        var u = dev.scenarist.core.model.Usage.ZERO;
        for (LlmAgent a : agents) u = u.plus(a.usage());
        for (PersonaUser p : users) u = u.plus(p.usage());
        return u;
    }

    /** Whether a model plays (so usage means something). */
    public boolean usesModels() {
        return agentModel.isPresent() || userModel.isPresent();
    }

    @Override
    public void close() {
        agentModel.ifPresent(ToolChat::close);
        userModel.filter(u -> agentModel.map(a -> a != u).orElse(true)).ifPresent(ToolChat::close);
    }
}
