package dev.scenarist.models;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Usage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The campaign's author when it runs on real models: requests go to the campaign's model unless a stage's settings
 * name another {@code provider:model}, which gets its own backend (created once, on first use). The backend sees
 * the bare model name, as its API expects.
 */
public final class RoutingAuthor implements Author {
    private final ModelRef defaultModel;
    private final Function<ModelRef, Author> backends;
    private final Map<ModelRef, Author> created = new ConcurrentHashMap<>();

    public RoutingAuthor(ModelRef defaultModel, Function<ModelRef, Author> backends) {
        this.defaultModel = defaultModel;
        this.backends = backends;
    }

    @Override
    public String id() {
        return defaultModel.toString();
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
        ModelRef ref = target(request);
        return backend(ref).reply(forBackend(request, ref));
    }

    @Override
    public Optional<Usage> estimate(AuthorRequest request) {
        ModelRef ref = target(request);
        return backend(ref).estimate(forBackend(request, ref));
    }

    /** The model a request goes to: a {@code provider:model} in its settings, else a bare model of the default provider. */
    public ModelRef target(AuthorRequest request) {
        Optional<String> m = request.settings().model();
        if (m.isEmpty()) return defaultModel;
        if (ModelRef.looksLikeModel(m.get())) return ModelRef.parse(m.get());
        return new ModelRef(defaultModel.provider(), m.get());
    }

    private Author backend(ModelRef ref) {
        return created.computeIfAbsent(ref, backends);
    }

    private static AuthorRequest forBackend(AuthorRequest r, ModelRef ref) {
        ModelSettings s = r.settings();
        return r.withSettings(new ModelSettings(Optional.of(ref.model()), s.temperature(), s.maxTokens(), s.timeout()));
    }
}
