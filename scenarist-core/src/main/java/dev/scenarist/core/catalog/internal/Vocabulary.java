package dev.scenarist.core.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Words to dense int ids and back, shared by every text of one index. Safe for concurrent use. */
public final class Vocabulary {
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> words = new ArrayList<>();

    public int id(String word) {
        Integer id = ids.get(word);
        if (id != null) return id;
        synchronized (words) {
            return ids.computeIfAbsent(word, w -> {
                words.add(w);
                return words.size() - 1;
            });
        }
    }

    public String word(int id) {
        synchronized (words) {
            return words.get(id);
        }
    }
}
