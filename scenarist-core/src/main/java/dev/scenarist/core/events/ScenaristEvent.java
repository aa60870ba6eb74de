package dev.scenarist.core.events;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AttemptVerdict;

/** Everything that happens, as it happens: campaigns, runs, stages, attempts, checks. */
public sealed interface ScenaristEvent {
    String campaignId();

    record CampaignStarted(String campaignId, String pack, int requested, int alreadyAccepted) implements ScenaristEvent {}

    record RunStarted(String campaignId, String runId, int ordinal) implements ScenaristEvent {}

    record StageStarted(String campaignId, String runId, String stage, int index) implements ScenaristEvent {}

    record CheckFinished(String campaignId, String runId, String stage, String check, dev.scenarist.core.model.CheckStatus status, long millis)
            implements ScenaristEvent {}

    record AttemptFinished(String campaignId, String runId, String stage, int stageAttempt, AttemptVerdict verdict,
                           int errorFindings, Usage usage) implements ScenaristEvent {}

    record InfraRetry(String campaignId, String runId, String stage, int retry, long delayMillis, String error)
            implements ScenaristEvent {}

    /** Author calls of the campaign are paused after repeated infrastructure failures (or resumed: {@code paused} false). */
    record CircuitChanged(String campaignId, boolean paused, long pauseMillis, String reason) implements ScenaristEvent {}

    record RunFinished(String campaignId, String runId, RunState state, String detail) implements ScenaristEvent {}

    record CampaignFinished(String campaignId, String status, int accepted, int requested, String reason)
            implements ScenaristEvent {}
}
