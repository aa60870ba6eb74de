package dev.scenarist.packs.appworld.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a play left behind: the action log, the final snapshot, what became of each scenario event, and the log as
 * JSON lines (the form stored with a scenario).
 */
public record Transcript(String agent, Instant startedAt, Instant endedAt, List<LogEntry> log, String logJsonLines,
                         ObjectNode snapshot, Map<String, EventOutcome> events) {
    public Transcript {
        log = List.copyOf(log);
        snapshot = snapshot.deepCopy();
        events = Map.copyOf(events);
    }

    public List<LogEntry.ToolCall> calls() {
        return log.stream().filter(LogEntry.ToolCall.class::isInstance).map(LogEntry.ToolCall.class::cast).toList();
    }
}
