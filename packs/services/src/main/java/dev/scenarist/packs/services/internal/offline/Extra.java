package dev.scenarist.packs.services.internal.offline;

import java.util.List;
import java.util.Optional;

/**
 * The optional resources a design may add beside PostgreSQL and n8n, each as the bundled catalog knows it (category,
 * initialization kind, default port first among the ports drawn from).
 */
enum Extra {
    REDIS("redis", "storage", "keys", List.of(6379, 6380), "redis://", null, "cache",
            "caches sessions and rate-limits the web hooks", "fast sessions and rate limits for the web hooks"),
    MINIO("minio", "storage", "buckets", List.of(9000, 9010), "http://", "/minio/health/live", "storage",
            "keeps uploaded attachments and exports", "attachments and exports kept as files"),
    OLLAMA("ollama", "ai", "models", List.of(11434, 11435), "http://", "/api/tags", "ai",
            "drafts texts with a local language model", "drafting texts without sending data to a cloud model"),
    MAILHOG("mailhog", "communication", "mailboxes", List.of(8025, 8026), "http://", "/api/v2/messages", "communication",
            "captures outgoing mail for review before launch", "outgoing mail captured and reviewed before launch");

    private final String resource;
    private final String category;
    private final String initialization;
    private final List<Integer> ports;
    private final String scheme;
    private final String healthPath;
    private final String componentKind;
    private final String purpose;
    private final String why;

    Extra(String resource, String category, String initialization, List<Integer> ports, String scheme, String healthPath,
          String componentKind, String purpose, String why) {
        this.resource = resource;
        this.category = category;
        this.initialization = initialization;
        this.ports = ports;
        this.scheme = scheme;
        this.healthPath = healthPath;
        this.componentKind = componentKind;
        this.purpose = purpose;
        this.why = why;
    }

    String resource() {
        return resource;
    }

    String category() {
        return category;
    }

    /** The catalog's initialization kind service.json declares for it. */
    String initialization() {
        return initialization;
    }

    List<Integer> ports() {
        return ports;
    }

    Optional<String> healthPath() {
        return Optional.ofNullable(healthPath);
    }

    String componentKind() {
        return componentKind;
    }

    String purpose() {
        return purpose;
    }

    String why() {
        return why;
    }

    /** The environment variable scripts read its port from: {@code MINIO_PORT}. */
    String portVariable() {
        return resource.toUpperCase(java.util.Locale.ROOT) + "_PORT";
    }

    String url(int port) {
        return scheme + "localhost:" + port;
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
