package dev.scenarist.core.author;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an author. The prompt is split so providers' prompt caches hit: {@code system} is the
 * stable prefix (pack context, stage instructions, output format) and {@code prompt} the variable part
 * (parameters, earlier outputs, current files, feedback).
 *
 * @param stage      the stage asking
 * @param attempt    1-based attempt number within the stage (informational; not part of the hash)
 * @param seed       the run's seed (offline authors use it; not part of the hash)
 * @param parameters the run's parameters (offline authors use them; not part of the hash)
 * @param scope      the workspace and editable files, for tool-using authors (not part of the hash)
 */
public record AuthorRequest(String stage, String system, String prompt, ModelSettings settings,
                            int attempt, long seed, Map<String, Object> parameters, WorkScope scope) {
    public AuthorRequest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(settings, "settings");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(scope, "scope");
    }

    public AuthorRequest(String stage, String system, String prompt, ModelSettings settings, int attempt, long seed,
                         Map<String, Object> parameters) {
        this(stage, system, prompt, settings, attempt, seed, parameters, WorkScope.NONE);
    }

    public AuthorRequest withSettings(ModelSettings s) {
        return new AuthorRequest(stage, system, prompt, s, attempt, seed, parameters, scope);
    }

    /**
     * The content hash cassettes key on: stage, prompt text and model settings — never run ids or
     * timestamps, so the same request in another run replays the same reply.
     */
    public String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {stage, system, prompt, settings.model().orElse(""),
                    settings.temperature().isPresent() ? Double.toString(settings.temperature().getAsDouble()) : ""}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
