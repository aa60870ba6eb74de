package dev.scenarist.server;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.pack.Pack;
import java.util.List;
import java.util.Map;

/**
 * The port through which the server turns a campaign request (a JSON object) into a checked campaign spec and its pack,
 * implemented by the application with the very code {@code scenarist generate} uses for its options and {@code --config}
 * file — so the same values are refused with the same messages, here field by field.
 */
@FunctionalInterface
public interface CampaignRequests {
    /**
     * @param body the request: {@code pack}, {@code count}, {@code tier}, {@code family}, and every key of a campaign
     *             configuration file ({@code author}, {@code concurrency}, {@code seed}, {@code budget}, {@code models},
     *             {@code options}, {@code providers}, {@code prices})
     * @throws InvalidRequestException naming each bad field, what is wrong and the fix
     */
    Prepared prepare(Map<String, Object> body) throws InterruptedException;

    /**
     * The packs a request may name, with their stages, for the dashboard's configuration panel and run cards (stage
     * names, how many stages a run goes through). Empty when the application offers no list.
     */
    default List<PackInfo> packs() {
        return List.of();
    }

    /** A pack as the dashboard shows it. */
    record PackInfo(String name, String description, List<StageInfo> stages) {
        public PackInfo {
            stages = List.copyOf(stages);
        }
    }

    /**
     * One stage of a pack's pipeline.
     *
     * @param kind        author, verify, refine, review or gate
     * @param maxAttempts content attempts the pack's policy allows (0 for a gate, which makes no author call)
     * @param rounds      refine rounds (0 for every other kind)
     */
    record StageInfo(String name, String kind, int maxAttempts, int rounds) {}

    /** A request that passed every check (including this machine's components for the pack): ready to store and run. */
    record Prepared(CampaignSpec spec, Pack pack) {}

    /** One bad field of a request: its JSON path ({@code budget.max_runs}), what is wrong, and how to fix it. */
    record FieldError(String field, String problem, String fix) {}

    /** A request refused, with every bad field. */
    final class InvalidRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        public InvalidRequestException(String message, List<FieldError> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
