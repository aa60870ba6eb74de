package dev.scenarist.packs.chains.pool;

/** A defect's priority: P0 blocks acceptance whatever the score; P1 and P2 only lower it. */
public enum Priority {
    P0, P1, P2
}
