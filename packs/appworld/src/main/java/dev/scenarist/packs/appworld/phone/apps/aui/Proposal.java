package dev.scenarist.packs.appworld.phone.apps.aui;

import java.time.Instant;
import java.util.Optional;

/**
 * A proposal the assistant made ({@code send_message_to_user}) and what became of it. Validation predicates read
 * this rather than parse messages: "the user accepted a proposal" is {@code status == "accepted"}.
 *
 * @param status "pending", "accepted", "rejected", or "superseded" (a newer proposal came before an answer)
 */
public record Proposal(String proposalId, String messageId, String content, Instant proposedAt, String status,
                       Optional<String> reply, Optional<Instant> answeredAt) {
    Proposal answered(String newStatus, String replyText, Instant at) {
        return new Proposal(proposalId, messageId, content, proposedAt, newStatus, Optional.of(replyText), Optional.of(at));
    }
}
