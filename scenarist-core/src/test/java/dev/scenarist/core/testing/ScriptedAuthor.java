package dev.scenarist.core.testing;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake author for tests: answers each stage from a list of scripted steps, in order per (run seed, stage);
 * the last step repeats. A step may reply or throw (to simulate infrastructure failures). Records every request.
 */
public final class ScriptedAuthor implements Author {
    @FunctionalInterface
    public interface Step {
        String answer(AuthorRequest request) throws AuthorException;
    }

    private final Map<String, List<Step>> script = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final List<AuthorRequest> requests = new CopyOnWriteArrayList<>();
    private final Usage usagePerCall;

    public ScriptedAuthor(Usage usagePerCall) {
        this.usagePerCall = usagePerCall;
    }

    public ScriptedAuthor() {
        this(Usage.tokens(100, 50));
    }

    public ScriptedAuthor on(String stage, String... replies) {
        for (String r : replies) script.computeIfAbsent(stage, k -> new ArrayList<>()).add(req -> r);
        return this;
    }

    public ScriptedAuthor onCall(String stage, Step step) {
        script.computeIfAbsent(stage, k -> new ArrayList<>()).add(step);
        return this;
    }

    public ScriptedAuthor always(String stage, Function<AuthorRequest, String> reply) {
        script.put(stage, List.of(reply::apply));
        return this;
    }

    public List<AuthorRequest> requests() {
        return List.copyOf(requests);
    }

    public List<AuthorRequest> requests(String stage) {
        return requests.stream().filter(r -> r.stage().equals(stage)).toList();
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws AuthorException {
        requests.add(request);
        List<Step> steps = script.get(request.stage());
        if (steps == null) throw new IllegalStateException("no script for stage " + request.stage());
        int n = calls.merge(request.seed() + "/" + request.stage(), 1, Integer::sum);
        String text = steps.get(Math.min(n, steps.size()) - 1).answer(request);
        return new AuthorReply(text, usagePerCall, "scripted-model", Duration.ofMillis(1));
    }
}
