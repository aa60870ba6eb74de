package dev.scenarist.packs.appworld.phone.apps.messaging;

import java.time.Instant;

/** ARE's Message. */
public record Message(String messageId, String sender, String content, Instant timestamp) {}
