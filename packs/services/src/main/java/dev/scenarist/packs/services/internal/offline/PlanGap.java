package dev.scenarist.packs.services.internal.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A rubric rule the first plan deliberately misses, so refinement has something to improve. Each gap costs exactly
 * one rule of one criterion (no two gaps share a rule), so fixing any gap raises the rubric score.
 */
enum PlanGap {
    /** completeness 1: one user role only. */
    FEW_USERS,
    /** completeness 4: the follow-up requirement is covered by a workflow the plan never designs. */
    DANGLING_COVERAGE,
    /** completeness 5: one risk only. */
    FEW_RISKS,
    /** feasibility 3: the workflows' resource n8n is missing from the plan's resources. */
    UNDECLARED_RESOURCE,
    /** feasibility 5: postgres is listed without a reason. */
    UNEXPLAINED_RESOURCE,
    /** data_model 2: the provider table has no columns but its id. */
    THIN_TABLE,
    /** data_model 4: no requirement covers the provider table. */
    UNREFERENCED_TABLE,
    /** business_model 4: the value estimate is a placeholder. */
    VAGUE_VALUE,
    /** business_model 5: pricing names no amount. */
    UNPRICED,
    /** testability 2: the follow-up requirement (a must) has no acceptance check. */
    MUST_WITHOUT_ACCEPTANCE,
    /** testability 3: the report requirement (a should) has no acceptance check. */
    SHOULD_WITHOUT_ACCEPTANCE,
    /** testability 4: the success metrics name no number. */
    UNMEASURED_METRICS,
    /** testability 5: the intake's check names nothing it could be observed in. */
    VAGUE_CHECK;

    /** Gaps of the first plan; each refinement round closes {@link #FIXED_PER_ROUND} of them. */
    static final int AT_START = 6;
    static final int FIXED_PER_ROUND = 2;
    /** The round from which the plan has no gap left. */
    static final int LAST_ROUND = AT_START / FIXED_PER_ROUND;

    /** The gaps a seed's plan still has after {@code round} refinement rounds (round 0 = the planning stage). */
    static List<PlanGap> open(long seed, int round) {
        List<PlanGap> all = new ArrayList<>(Arrays.asList(values()));
        var rng = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        for (int i = all.size() - 1; i > 0; i--) java.util.Collections.swap(all, i, rng.nextInt(i + 1));
        int fixed = Math.min(Math.max(round, 0), LAST_ROUND) * FIXED_PER_ROUND;
        return List.copyOf(all.subList(fixed, AT_START));
    }
}
