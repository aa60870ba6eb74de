package dev.scenarist.packs.services.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void the_bundled_catalog_lists_the_usual_resources_with_their_ports_and_initialization_kinds() {
        ResourceCatalog c = ResourceCatalog.bundled();
        assertThat(c.names()).containsExactly("postgres", "redis", "minio", "qdrant", "n8n", "node-red", "ollama", "mailhog");
        assertThat(c.port("postgres")).isEqualTo(OptionalInt.of(5432));
        assertThat(c.port("n8n")).isEqualTo(OptionalInt.of(5678));
        assertThat(c.port("mysql")).isEmpty();
        CatalogResource pg = c.resource("postgres").orElseThrow();
        assertThat(pg.category()).isEqualTo("storage");
        assertThat(pg.initializes("sql")).isTrue();
        assertThat(c.resource("n8n").orElseThrow().initializes("sql")).isFalse();
        assertThat(pg.description()).contains("PostgreSQL");
        assertThat(c.source()).isEqualTo(ResourceCatalog.BUNDLED);
    }

    @Test
    void a_users_catalog_replaces_the_bundled_one() throws Exception {
        Path file = tmp.resolve("mine.yaml");
        Files.writeString(file, """
                # our own stack
                resources:
                  postgres:
                    category: storage
                    port: 6543
                    initialization: [database, sql]
                  rabbitmq:
                    category: queue
                    port: 5672
                    initialization: []
                    description: RabbitMQ message broker
                """);
        ResourceCatalog c = ResourceCatalog.load(file);
        assertThat(c.names()).containsExactly("postgres", "rabbitmq");
        assertThat(c.port("postgres")).isEqualTo(OptionalInt.of(6543));
        assertThat(c.resource("rabbitmq").orElseThrow().initialization()).isEmpty();
        assertThat(c.source()).isEqualTo(file.toString());
    }

    private CatalogException broken(String yaml) throws Exception {
        Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, yaml);
        return (CatalogException) org.assertj.core.api.Assertions.catchThrowable(() -> ResourceCatalog.load(file));
    }

    @Test
    void a_port_that_is_not_a_number_is_named_with_file_and_line_and_the_fix() throws Exception {
        CatalogException e = broken("""
                resources:
                  postgres:
                    category: storage
                    port: 5432
                  redis:
                    category: storage
                    port: six-three-seven-nine
                    initialization: [keys]
                """);
        assertThat(e.file()).endsWith("broken.yaml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith(tmp.resolve("broken.yaml") + ":7: ").contains("'redis'", "six-three-seven-nine", "fix: ");
        assertThat(e.fix()).contains("port: 5432");
    }

    @Test
    void a_misspelt_key_is_named_on_its_line() throws Exception {
        CatalogException e = broken("resources:\n  n8n:\n    category: automation\n    port: 5678\n    initialisation: [workflows]\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("unknown key 'initialisation'");
    }

    @Test
    void yaml_that_does_not_parse_is_named_on_the_line_of_the_slip() throws Exception {
        CatalogException e = broken("resources:\n  n8n:\n    category: automation\n   port: 5678\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void a_resource_written_twice_is_refused_naming_both_lines() throws Exception {
        CatalogException e = broken("resources:\n  n8n: {category: automation, port: 5678}\n  redis: {category: storage, port: 6379}\n"
                + "  n8n: {category: automation, port: 5679}\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("'n8n' is written twice", "first at line 2");
    }

    @Test
    void a_file_without_resources_or_missing_a_category_says_what_to_write() throws Exception {
        assertThat(broken("# nothing yet\n").getMessage()).contains(":1: ", "'resources:'");
        CatalogException e = broken("resources:\n  redis:\n    port: 6379\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("needs a 'category'");
    }

    @Test
    void a_file_that_cannot_be_read_names_itself() {
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> ResourceCatalog.load(missing)).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(missing + ":1: cannot read the resource catalog");
    }
}
