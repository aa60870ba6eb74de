package dev.scenarist.core.pack;

import java.util.List;
import java.util.Map;

/**
 * A pack that chooses which checks {@code scenarist validate} runs on an existing scenario or file. Without it, every
 * stage's checks run ({@link Capabilities#everyStagesChecks}).
 */
public non-sealed interface ValidationPlan extends PackCapability {
    /**
     * The checks to run, by stage name. {@code target} names the file the user named, if any, and the folders besides
     * the scenario's they allowed reads from.
     */
    Map<String, List<Check>> validationChecks(ValidationTarget target);
}
