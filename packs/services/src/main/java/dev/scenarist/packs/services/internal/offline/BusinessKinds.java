package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The eight business kinds, read once from the bundled {@code services/offline/kinds.yaml}. */
final class BusinessKinds {
    private static final String RESOURCE = "/services/offline/kinds.yaml";
    private static final List<BusinessKind> ALL = load();

    private BusinessKinds() {}

    static List<BusinessKind> all() {
        return ALL;
    }

    static Optional<BusinessKind> byCategory(String category) {
        return ALL.stream().filter(k -> k.category().equals(category)).findFirst();
    }

    static List<String> categories() {
        return ALL.stream().map(BusinessKind::category).toList();
    }

    private static List<BusinessKind> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = BusinessKinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the services pack jar lacks " + RESOURCE);
            JsonNode root = yaml.readTree(in);
            List<BusinessKind> out = new ArrayList<>();
            for (JsonNode k : root.path("kinds")) out.add(yaml.treeToValue(k, BusinessKind.class));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
