package dev.scenarist.packs.appworld.phone.apps.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One email, in one folder (ARE's Email plus the folder it sits in, so a single table holds every folder). */
public record Email(String emailId, String folder, String sender, List<String> recipients, List<String> cc,
                    String subject, String content, Instant timestamp, boolean isRead, Optional<String> parentId) {
    public Email {
        recipients = List.copyOf(recipients);
        cc = List.copyOf(cc);
    }

    Email read() {
        return new Email(emailId, folder, sender, recipients, cc, subject, content, timestamp, true, parentId);
    }

    Email inFolder(String newFolder) {
        return new Email(emailId, newFolder, sender, recipients, cc, subject, content, timestamp, isRead, parentId);
    }
}
