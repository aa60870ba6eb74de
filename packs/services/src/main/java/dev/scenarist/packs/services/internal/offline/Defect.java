package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.format.ErrorClass;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A mistake the offline author's first implementation makes on purpose, so the pipeline's checks are exercised the
 * way a model's mistakes would exercise them: {@link Detection#DRY_RUN} defects pass every static check and only the
 * dry-run (PostgreSQL, the scripts, the scenario tests) finds them; {@link Detection#STATIC} defects the static checks
 * find. {@link #forSeed} draws about 30 % and 10 % of seeds respectively; the repair writes the clean files.
 */
public enum Defect {
    /** seed.sql inserts into a column schema.sql does not define (PostgreSQL 42703). */
    UNDEFINED_COLUMN(Detection.DRY_RUN, ErrorClass.DATABASE),
    /** seed.sql's last main row refers to a provider row that does not exist (23503). */
    MISSING_FOREIGN_ROW(Detection.DRY_RUN, ErrorClass.DATABASE),
    /** seed.sql's last party row has NULL in its NOT NULL key column (23502). */
    NOT_NULL_VIOLATION(Detection.DRY_RUN, ErrorClass.DATABASE),
    /** startup.sh reads a configuration file that does not exist (No such file or directory). */
    MISSING_CONFIG_FILE(Detection.DRY_RUN, ErrorClass.MISSING_FILE),
    /** scenario-test.yaml expects more rows than seed.sql inserts. */
    UNMET_EXPECTATION(Detection.DRY_RUN, ErrorClass.DATABASE),
    /** a deployment phase names a SQL file the scenario does not have. */
    MISSING_PHASE_FILE(Detection.STATIC, ErrorClass.MISSING_FILE),
    /** the service's own port is the port of its n8n resource. */
    PORT_CLASH(Detection.STATIC, ErrorClass.CONFIGURATION);

    /** Which checks find the defect first. */
    public enum Detection { STATIC, DRY_RUN }

    /** Percent of seeds whose first implementation has a dry-run defect, and then a static one. */
    static final int DRY_RUN_PERCENT = 30;
    static final int STATIC_PERCENT = 10;

    private final Detection detection;
    private final ErrorClass errorClass;

    Defect(Detection detection, ErrorClass errorClass) {
        this.detection = detection;
        this.errorClass = errorClass;
    }

    public Detection detection() {
        return detection;
    }

    /** The class of the finding the check that catches it reports. */
    public ErrorClass errorClass() {
        return errorClass;
    }

    public static List<Defect> detectedBy(Detection d) {
        return Arrays.stream(values()).filter(x -> x.detection == d).toList();
    }

    /** The defect a seed's first implementation carries, if any; a fixed function of the seed. */
    public static Optional<Defect> forSeed(long seed) {
        int bucket = (int) Math.floorMod(mix(seed), 100L);
        List<Defect> dry = detectedBy(Detection.DRY_RUN);
        List<Defect> stat = detectedBy(Detection.STATIC);
        if (bucket < DRY_RUN_PERCENT) return Optional.of(dry.get(bucket % dry.size()));
        if (bucket < DRY_RUN_PERCENT + STATIC_PERCENT) return Optional.of(stat.get(bucket % stat.size()));
        return Optional.empty();
    }

    /** SplitMix64's finalizer: neighbouring seeds land in unrelated buckets. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
