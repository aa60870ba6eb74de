package dev.scenarist.packs.services.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefectTest {
    @Test
    void aboutThirtyPercentDryRunAndTenPercentStaticDefectsEveryKindOfEach() {
        Map<Defect, Integer> counts = new EnumMap<>(Defect.class);
        int dry = 0;
        int stat = 0;
        int n = 2000;
        for (long seed = 0; seed < n; seed++) {
            var d = Defect.forSeed(seed);
            assertEquals(d, Defect.forSeed(seed), "deterministic");
            if (d.isEmpty()) continue;
            counts.merge(d.get(), 1, Integer::sum);
            if (d.get().detection() == Defect.Detection.DRY_RUN) dry++;
            else stat++;
        }
        assertTrue(Math.abs(dry * 100.0 / n - 30) < 3, "dry-run defects " + dry);
        assertTrue(Math.abs(stat * 100.0 / n - 10) < 2, "static defects " + stat);
        assertEquals(Defect.values().length, counts.size(), "every defect occurs: " + counts);
    }

    @Test
    void theFirstFiftySeedsHaveDefectsOfBothKinds() {
        long dry = 0;
        long stat = 0;
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var d = Defect.forSeed(seed);
            if (d.isPresent() && d.get().detection() == Defect.Detection.DRY_RUN) dry++;
            if (d.isPresent() && d.get().detection() == Defect.Detection.STATIC) stat++;
        }
        assertTrue(dry >= 8, "dry-run defects in seeds 0..49: " + dry);
        assertTrue(stat >= 2, "static defects in seeds 0..49: " + stat);
    }

    @Test
    void defectsNameTheCheckAndTheErrorClassThatFindThem() {
        assertEquals(5, Defect.detectedBy(Defect.Detection.DRY_RUN).size());
        assertEquals(java.util.List.of(Defect.MISSING_PHASE_FILE, Defect.PORT_CLASH), Defect.detectedBy(Defect.Detection.STATIC));
        assertEquals(dev.scenarist.packs.services.format.ErrorClass.MISSING_FILE, Defect.MISSING_CONFIG_FILE.errorClass());
        assertEquals(dev.scenarist.packs.services.format.ErrorClass.CONFIGURATION, Defect.PORT_CLASH.errorClass());
        assertEquals(dev.scenarist.packs.services.format.ErrorClass.DATABASE, Defect.UNMET_EXPECTATION.errorClass());
    }
}
