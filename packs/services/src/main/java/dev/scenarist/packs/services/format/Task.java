package dev.scenarist.packs.services.format;

import java.util.List;
import java.util.Optional;

/**
 * One task of a deployment phase in {@code service.json}. Closed over the five kinds Vrooli's deployer knows; a task of
 * another type is kept as {@link Unknown} so the schema check can name it.
 */
public sealed interface Task {
    String name();

    /** The type as written in service.json: {@code sql}, {@code resource-inject}, {@code config}, {@code script}, {@code healthcheck}. */
    String type();

    /** Seconds the deployer waits for the task (service.json {@code timeout}, default 60). */
    int timeoutSeconds();

    /** How often the deployer retries the task after a failure (service.json {@code retries}, default 0). */
    int retries();

    /** Files of the scenario folder the task reads, relative to it. */
    List<String> files();

    /** Runs a SQL file against a storage resource (PostgreSQL). */
    record Sql(String name, String resource, String file, int timeoutSeconds, int retries) implements Task {
        public String type() {
            return "sql";
        }

        public List<String> files() {
            return List.of(file);
        }
    }

    /** Hands files to a resource (n8n workflows, MinIO buckets, Ollama models). */
    record ResourceInject(String name, String resource, List<String> files, int timeoutSeconds, int retries) implements Task {
        public ResourceInject {
            files = List.copyOf(files);
        }

        public String type() {
            return "resource-inject";
        }
    }

    /** Installs a configuration file for the service ({@code target: app}) or a resource. */
    record Config(String name, String file, String target, int timeoutSeconds, int retries) implements Task {
        public String type() {
            return "config";
        }

        public List<String> files() {
            return List.of(file);
        }
    }

    /** Runs a script of the scenario (for example {@code deployment/startup.sh}). */
    record Script(String name, String file, List<String> args, int timeoutSeconds, int retries) implements Task {
        public Script {
            args = List.copyOf(args);
        }

        public String type() {
            return "script";
        }

        public List<String> files() {
            return List.of(file);
        }
    }

    /** Waits until a resource (or the service itself, resource {@code app}) answers, optionally on an HTTP path. */
    record Healthcheck(String name, String resource, Optional<String> path, int timeoutSeconds, int retries) implements Task {
        public String type() {
            return "healthcheck";
        }

        public List<String> files() {
            return List.of();
        }
    }

    /** A type the deployer does not know; the schema check reports it. */
    record Unknown(String name, String type, int timeoutSeconds, int retries) implements Task {
        public List<String> files() {
            return List.of();
        }
    }
}
