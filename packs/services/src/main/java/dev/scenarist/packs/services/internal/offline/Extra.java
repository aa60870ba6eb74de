package dev.scenarist.packs.services.internal.offline;

import java.util.List;
import java.util.Optional;

/**
 * The optional resources a design may add beside PostgreSQL and n8n, each as the bundled catalog knows it (category,
 * initialization kind, default port first among the ports drawn from).
 */
enum Extra {
    REDIS(new CatalogEntry("redis", "storage", "keys"), new Endpoint(List.of(6379, 6380), "redis://", null),
            new Role("cache", "caches sessions and rate-limits the web hooks", "fast sessions and rate limits for the web hooks")),
    MINIO(new CatalogEntry("minio", "storage", "buckets"), new Endpoint(List.of(9000, 9010), "http://", "/minio/health/live"),
            new Role("storage", "keeps uploaded attachments and exports", "attachments and exports kept as files")),
    OLLAMA(new CatalogEntry("ollama", "ai", "models"), new Endpoint(List.of(11434, 11435), "http://", "/api/tags"),
            new Role("ai", "drafts texts with a local language model", "drafting texts without sending data to a cloud model")),
    MAILHOG(new CatalogEntry("mailhog", "communication", "mailboxes"), new Endpoint(List.of(8025, 8026), "http://", "/api/v2/messages"),
            new Role("communication", "captures outgoing mail for review before launch", "outgoing mail captured and reviewed before launch"));

    /**
     * The resource as the bundled catalog lists it.
     *
     * @param initialization the catalog's initialization kind service.json declares for it
     */
    private record CatalogEntry(String resource, String category, String initialization) {}

    /**
     * How the resource is reached.
     *
     * @param ports      the ports drawn from, the default first
     * @param healthPath the path its healthcheck asks, null when it has no HTTP health endpoint
     */
    private record Endpoint(List<Integer> ports, String scheme, String healthPath) {}

    /**
     * What the resource does in the plan.
     *
     * @param componentKind the kind of the plan's component for it
     * @param purpose       the component's purpose
     * @param why           why the plan lists the resource
     */
    private record Role(String componentKind, String purpose, String why) {}

    private final CatalogEntry entry;
    private final Endpoint endpoint;
    private final Role role;

    Extra(CatalogEntry entry, Endpoint endpoint, Role role) {
        this.entry = entry;
        this.endpoint = endpoint;
        this.role = role;
    }

    String resource() {
        return entry.resource();
    }

    String category() {
        return entry.category();
    }

    /** The catalog's initialization kind service.json declares for it. */
    String initialization() {
        return entry.initialization();
    }

    List<Integer> ports() {
        return endpoint.ports();
    }

    Optional<String> healthPath() {
        return Optional.ofNullable(endpoint.healthPath());
    }

    String componentKind() {
        return role.componentKind();
    }

    String purpose() {
        return role.purpose();
    }

    String why() {
        return role.why();
    }

    /** The environment variable scripts read its port from: {@code MINIO_PORT}. */
    String portVariable() {
        return resource().toUpperCase(java.util.Locale.ROOT) + "_PORT";
    }

    String url(int port) {
        return endpoint.scheme() + "localhost:" + port;
    }

    /** The values of its initialization entry in service.json. */
    List<String> initializationValues(String serviceName) {
        return switch (this) {
            case REDIS -> List.of(serviceName + ":sessions", serviceName + ":rate-limit");
            case MINIO -> List.of(serviceName + "-attachments");
            case OLLAMA -> List.of("llama3.2:1b");
            case MAILHOG -> List.of(serviceName + "@example.org");
        };
    }

    /** The feature flag app-config.json turns on for it. */
    String feature() {
        return switch (this) {
            case REDIS -> "sessionCache";
            case MINIO -> "attachments";
            case OLLAMA -> "draftAssistant";
            case MAILHOG -> "mailCapture";
        };
    }

    /** What startup.sh does for it (through its {@code run} wrapper, so DRY_RUN=1 only prints it). */
    String startupCommand(String serviceName) {
        String port = "\"$" + portVariable() + "\"";
        return switch (this) {
            case REDIS -> "run redis-cli -p " + port + " SET \"" + serviceName + ":ready\" 1";
            case MINIO -> "run curl -fsS -X PUT \"http://localhost:$" + portVariable() + "/" + serviceName + "-attachments\"";
            case OLLAMA -> "run curl -fsS -X POST \"http://localhost:$" + portVariable() + "/api/pull\" --data '{\"name\": \"llama3.2:1b\"}'";
            case MAILHOG -> "run curl -fsS \"http://localhost:$" + portVariable() + "/api/v2/messages\"";
        };
    }
}
