package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.pack.Pack;
import java.time.Instant;

/** What every stage runner works with: the services, the pack, the author's side, the checks, the journal, the archive. */
record StageTools(EngineServices services, Pack pack, Authoring authoring, StageChecks checks, AttemptJournal journal,
                  FailureArchive archive) {
    Instant now() {
        return services.clock().instant();
    }
}
