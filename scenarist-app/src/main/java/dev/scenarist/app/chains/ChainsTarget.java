package dev.scenarist.app.chains;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The target of a chains command: {@code reference} (the reference assistant, started in-process for the command's
 * duration, on its product folder) or a URL. The auth header's value is read here, from the variable {@code --auth-env}
 * names — the app is the one place that reads the environment — and never printed.
 */
public final class ChainsTarget implements AutoCloseable {
    public static final String REFERENCE = "reference";

    private final Target target;
    private final Optional<ReferenceAssistant> reference;

    private ChainsTarget(Target target, Optional<ReferenceAssistant> reference) {
        this.target = target;
        this.reference = reference;
    }

    /** What a user asked for on the command line, before anything is started. */
    public record Spec(String target, Path productDir, Optional<String> authEnv, String authHeader, Duration timeout, Settings settings) {}

    /** The LLM/profile settings passed to the assistant with every message. */
    public record Settings(Map<String, Object> llm, Optional<String> profile) {}

    public static ChainsTarget open(Spec spec, Map<String, String> env) {
        Optional<Target.AuthHeader> auth = spec.authEnv().map(var -> {
            String value = env.get(var);
            if (value == null || value.isBlank()) {
                throw new ConfigException("the environment variable " + var + " (named by --auth-env) is not set or empty; export it with the"
                        + " " + spec.authHeader() + " header's value");
            }
            try {
                return new Target.AuthHeader(spec.authHeader(), value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--auth-header: " + e.getMessage());
            }
        });
        if (spec.timeout().isNegative() || spec.timeout().isZero()) throw new ConfigException("--timeout must be positive, got " + spec.timeout());
        Optional<ReferenceAssistant> reference = Optional.empty();
        URI base;
        if (spec.target().equals(REFERENCE)) {
            try {
                ReferenceAssistant ref = ReferenceAssistant.start("127.0.0.1", 0, spec.productDir(), auth.map(Target.AuthHeader::value));
                reference = Optional.of(ref);
                base = ref.baseUri();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ConfigException("cannot start the reference assistant on product folder " + spec.productDir() + ": " + e.getMessage());
            }
        } else {
            base = url(spec.target());
        }
        try {
            return new ChainsTarget(new Target(base, auth, spec.timeout(), spec.settings().llm(), spec.settings().profile()), reference);
        } catch (IllegalArgumentException e) {
            reference.ifPresent(ReferenceAssistant::close);
            throw new ConfigException("--target: " + e.getMessage());
        }
    }

    private static URI url(String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null) throw new URISyntaxException(text, "no scheme or host");
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException("--target '" + text + "' is neither 'reference' nor a URL; write it like http://localhost:8000 (the assistant"
                    + " answering POST /api/assistant/message)");
        }
    }

    public Target target() {
        return target;
    }

    public boolean isReference() {
        return reference.isPresent();
    }

    @Override
    public void close() {
        reference.ifPresent(ReferenceAssistant::close);
    }
}
