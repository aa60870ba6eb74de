package dev.scenarist.packs.appworld.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a play left behind: the action log, the final snapshot and what became of each scenario event. */
public record Transcript(String agent, Instant endedAt, List<LogEntry> log, ObjectNode snapshot, Map<String, EventOutcome> events) {
    public Transcript {
        log = List.copyOf(log);
        snapshot = snapshot.deepCopy();
        events = Map.copyOf(events);
    }

    /** The log as JSON lines, one entry per line with a fixed key order (the form stored with a scenario). */
    public String logJsonLines() {
        com.fasterxml.jackson.databind.ObjectMapper json = dev.scenarist.packs.appworld.phone.PhoneJson.newMapper();
        StringBuilder out = new StringBuilder();
        for (LogEntry e : log) {
            try {
                out.append(json.writeValueAsString(e.toJson())).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException("cannot write log entry " + e.seq(), ex);
            }
        }
        return out.toString();
    }

    public List<LogEntry.ToolCall> calls() {
        return log.stream().filter(LogEntry.ToolCall.class::isInstance).map(LogEntry.ToolCall.class::cast).toList();
    }
}
