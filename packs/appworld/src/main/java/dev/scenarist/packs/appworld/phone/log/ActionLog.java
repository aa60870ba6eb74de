package dev.scenarist.packs.appworld.phone.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Every call and every state change of a phone, in order. A call reserves its place when it starts and is filled in
 * when it returns, so the entries it causes (state changes, triggers fired while waiting) follow it.
 */
public final class ActionLog {
    private final NavigableMap<Long, LogEntry> entries = new TreeMap<>();
    private long nextSeq = 1;

    /** A place for an entry that will be written later with {@link #fill}. */
    public long reserve() {
        return nextSeq++;
    }

    public void fill(LogEntry entry) {
        if (entry.seq() >= nextSeq || entries.containsKey(entry.seq())) {
            throw new IllegalStateException("log position " + entry.seq() + " was not reserved or is already written");
        }
        entries.put(entry.seq(), entry);
    }

    public <E extends LogEntry> E append(LongFunction<E> entryAt) {
        E e = entryAt.apply(reserve());
        fill(e);
        return e;
    }

    public List<LogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public <E extends LogEntry> List<E> entries(Class<E> type) {
        return entries.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** One JSON object per line, in order, each line ending in '\n'. */
    public String toJsonLines(ObjectMapper mapper) {
        StringBuilder out = new StringBuilder();
        for (LogEntry e : entries.values()) {
            try {
                out.append(mapper.writeValueAsString(e.toJson())).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot write log entry " + e.seq(), ex);
            }
        }
        return out.toString();
    }
}
