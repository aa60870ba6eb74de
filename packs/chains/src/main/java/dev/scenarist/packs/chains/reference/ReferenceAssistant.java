package dev.scenarist.packs.chains.reference;

import dev.scenarist.packs.chains.internal.reference.ReferenceServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference assistant that ships for offline use and tests: inventory and purchasing over an embedded dataset, a
 * deterministic rule-based answerer, sessions with a semantic memory, speaking the target contract — and a planted
 * defect (a pronoun-only follow-up loses the selected item) switched by {@link ReferenceProduct}'s file.
 */
public final class ReferenceAssistant implements AutoCloseable {
    private final ReferenceServer server;

    private ReferenceAssistant(ReferenceServer server) {
        this.server = server;
    }

    /**
     * Starts serving on {@code host:port} (port 0: any free one) for the product in {@code productDir}, which is
     * created with the defect planted when it has no settings file yet.
     *
     * @param requiredAuthorization when present, every call must carry exactly this {@code Authorization} header
     */
    public static ReferenceAssistant start(String host, int port, Path productDir, Optional<String> requiredAuthorization) throws IOException {
        ReferenceProduct.ensure(productDir);
        return new ReferenceAssistant(ReferenceServer.start(host, port, productDir, requiredAuthorization));
    }

    /** {@code http://host:port}, what a target's base URL is set to. */
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
    }
}
