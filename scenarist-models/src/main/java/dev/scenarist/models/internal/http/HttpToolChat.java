package dev.scenarist.models.internal.http;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.models.ToolChat;
import dev.scenarist.models.ToolChatReply;
import dev.scenarist.models.ToolChatRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A {@link ToolChat} over one {@link HttpChatAuthor}: each request is paced by the provider's throttle, sent through the
 * author's HTTP plumbing ({@link HttpChatAuthor#chat}), and retried on transient failures with exponential backoff and
 * jitter ({@link RetryOptions}), waiting at least what the server's Retry-After asked, up to the cap — the same policy
 * the engine applies to author calls. A permanent failure, or a transient one that outlasts the retries, is thrown;
 * its message was redacted where it was made ({@link HttpFailures}).
 */
public final class HttpToolChat implements ToolChat {
    private final HttpChatAuthor author;
    private final Throttle throttle;
    private final RetryOptions retry;
    private final TimeAndChance time;
    private final RandomGenerator random;

    public HttpToolChat(HttpChatAuthor author, Throttle throttle, RetryOptions retry, TimeAndChance time) {
        this.author = Objects.requireNonNull(author, "author");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.time = Objects.requireNonNull(time, "time");
        this.random = time.random().get();
    }

    @Override
    public String id() {
        return author.id();
    }

    @Override
    public ToolChatReply send(ToolChatRequest request) throws AuthorException, InterruptedException {
        // the throttle paces by an author request; this one stands for the whole conversation
        AuthorRequest paced = new AuthorRequest("tool-chat", request.system(), "", request.settings(), 1, 0, Map.of());
        var estimate = Optional.of(author.estimate(request));
        for (int retryNo = 0; ; retryNo++) {
            throttle.acquire(paced, estimate);
            try {
                return author.chat(request);
            } catch (AuthorException e) {
                if (!e.retryable() || retryNo >= retry.maxRetries()) throw e;
                time.sleeper().sleep(delay(e, retryNo + 1));
            }
        }
    }

    private Duration delay(AuthorException e, int retryNo) {
        Duration delay = retry.delayBefore(retryNo, random.nextDouble());
        if (e instanceof TransientAuthorException t && t.retryAfter().isPresent()) {
            Duration hinted = t.retryAfter().get();
            if (hinted.compareTo(delay) > 0) delay = hinted.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : hinted;
        }
        return delay;
    }

    @Override
    public void close() {
        author.close();
    }

    @Override
    public String toString() {
        return "HttpToolChat[" + author + "]";
    }
}
