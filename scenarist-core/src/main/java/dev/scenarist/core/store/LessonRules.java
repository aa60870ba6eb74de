package dev.scenarist.core.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every {@link LessonStore} refuses before it writes anything, so all stores refuse the same way. */
public final class LessonRules {
    private LessonRules() {}

    /** @throws IllegalArgumentException naming the lesson of another pack or the repeated key */
    public static void requireValid(String pack, List<LessonRecord> lessons) {
        Set<String> keys = new HashSet<>();
        for (LessonRecord l : lessons) {
            if (!l.pack().equals(pack)) {
                throw new IllegalArgumentException("lesson " + l.key() + " is of pack " + l.pack() + ", not " + pack + "; store it with its own pack");
            }
            if (!keys.add(l.key())) {
                throw new IllegalArgumentException("lesson key " + l.key() + " appears twice for pack " + pack + "; keys must be distinct");
            }
        }
    }
}
