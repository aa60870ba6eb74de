package dev.scenarist.packs.services.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceDesignerTest {
    @Test
    void fiftySeedsGiveFiftyDistinctServicesOverAllEightKinds() {
        Set<String> names = new HashSet<>();
        Set<List<Object>> pairs = new HashSet<>();
        Set<Object> kinds = new HashSet<>();
        Set<String> schemas = new HashSet<>();
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            Map<String, Object> p = ServiceDesigner.parameters(seed, Optional.empty());
            assertEquals(Set.of("category", "request", "business", "service_name"), p.keySet());
            p.values().forEach(v -> assertTrue(v instanceof String && !((String) v).isBlank(), p.toString()));
            assertTrue(p.get("service_name").toString().matches("[a-z0-9]+(-[a-z0-9]+)*"), p.toString());
            assertTrue(p.get("request").toString().contains(p.get("business").toString()), p.toString());
            names.add(p.get("service_name").toString());
            pairs.add(List.of(p.get("category"), p.get("business")));
            kinds.add(p.get("category"));
            schemas.add(StorageSql.schema(OfflineFixtures.design(seed)));
        }
        assertEquals(OfflineFixtures.SEEDS, names.size(), "service names repeat");
        assertEquals(OfflineFixtures.SEEDS, pairs.size(), "(category, business) pairs repeat");
        assertEquals(Set.copyOf(ServiceDesigner.categories()), kinds);
        assertEquals(8, kinds.size());
        assertEquals(OfflineFixtures.SEEDS, schemas.size(), "two seeds designed the same database");
    }

    @Test
    void anyFiftyConsecutiveSeedsStayDistinct() {
        for (long start : new long[] {-30, 37, 1_000_003}) {
            Set<String> names = new HashSet<>();
            Set<List<Object>> pairs = new HashSet<>();
            for (long seed = start; seed < start + 50; seed++) {
                var p = ServiceDesigner.parameters(seed, Optional.empty());
                names.add(p.get("service_name").toString());
                pairs.add(List.of(p.get("category"), p.get("business")));
            }
            assertEquals(50, names.size(), "from seed " + start);
            assertEquals(50, pairs.size(), "from seed " + start);
        }
    }

    @Test
    void aKindOptionKeepsTheCategoryAndTheNamesDistinct() {
        for (String kind : ServiceDesigner.categories()) {
            Set<String> names = new HashSet<>();
            Set<Object> businesses = new HashSet<>();
            for (long seed = 0; seed < 50; seed++) {
                var p = ServiceDesigner.parameters(seed, Optional.of(kind));
                assertEquals(kind, p.get("category"));
                names.add(p.get("service_name").toString());
                businesses.add(p.get("business"));
            }
            assertEquals(50, names.size(), kind);
            assertTrue(businesses.size() >= 5, kind + " has only " + businesses);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> ServiceDesigner.parameters(1, Optional.of("car-sharing")));
        assertTrue(e.getMessage().contains("'car-sharing'") && e.getMessage().contains("newsletter"), e.getMessage());
    }

    @Test
    void aSeedAlwaysDesignsTheSameFiles() {
        for (long seed : new long[] {0, 7, 42}) assertEquals(OfflineFixtures.clean(seed), OfflineFixtures.clean(seed));
    }

    @Test
    void optionalResourcesAndTablesVaryWithTheSeed() {
        Set<Extra> seen = new HashSet<>();
        int withNotes = 0;
        int withWeekly = 0;
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var d = OfflineFixtures.design(seed);
            seen.addAll(d.ports().extras().keySet());
            if (d.tables().notes().isPresent()) withNotes++;
            if (d.choices().weeklyReport()) withWeekly++;
        }
        assertEquals(Set.of(Extra.values()), seen);
        assertTrue(withNotes > 5 && withNotes < 45, "notes tables: " + withNotes);
        assertTrue(withWeekly > 5 && withWeekly < 45, "weekly workflows: " + withWeekly);
    }

    @Test
    void givenParametersWinOverTheSeedsChoice() {
        var d = ServiceDesigner.design(3, Map.of("category", "newsletter", "business", "pottery studio", "service_name", "clay-news",
                "request", "A newsletter for a pottery studio"));
        assertEquals("newsletter", d.kind().category());
        assertEquals("pottery studio", d.naming().business().label());
        assertEquals("clay-news", d.serviceName());
        assertEquals("clay_news", d.naming().database());
        var e = assertThrows(IllegalArgumentException.class, () -> ServiceDesigner.design(3, Map.of("service_name", "Clay News")));
        assertTrue(e.getMessage().contains("service_name"), e.getMessage());
    }
}
