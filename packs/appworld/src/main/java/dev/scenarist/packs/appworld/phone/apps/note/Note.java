package dev.scenarist.packs.appworld.phone.apps.note;

import java.time.Instant;

/** PARE's Note, in one folder. */
public record Note(String noteId, String folder, String title, String content, boolean pinned, Instant createdAt, Instant updatedAt) {}
