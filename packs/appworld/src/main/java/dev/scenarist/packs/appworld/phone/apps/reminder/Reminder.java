package dev.scenarist.packs.appworld.phone.apps.reminder;

import java.time.Instant;
import java.util.Optional;

/**
 * ARE's Reminder.
 *
 * @param repetitionUnit minute, hour, day, week or month; empty for a one-off reminder
 */
public record Reminder(String reminderId, String title, Instant dueDatetime, String description, Optional<String> repetitionUnit,
                       Optional<Long> repetitionValue) {}
