package dev.scenarist.core.store;

import java.util.List;

/** Lessons learnt per pack (see {@code core.lessons}): kept durably, edited by people, refreshed from findings. */
public interface LessonStore {
    /** The pack's lessons in their order ({@link LessonRecord#position()}); empty when it has none. */
    List<LessonRecord> byPack(String pack);

    /** The packs that have lessons, by name. */
    List<String> packs();

    /**
     * Replaces all of the pack's lessons with {@code lessons}, in one transaction (a reader sees the old list or the
     * new one, never a mix). Every lesson must be of {@code pack}, and their keys distinct.
     */
    void replace(String pack, List<LessonRecord> lessons);
}
