package dev.scenarist.core.campaign;

import java.util.List;

/**
 * Where runs of a campaign stored for workers wait for a worker ({@code scenarist worker}): the application's job queue
 * (JobRunr on PostgreSQL). Enqueueing a run twice must leave one job, so that a planner that is not sure whether it
 * enqueued a run may simply enqueue it again.
 */
@FunctionalInterface
public interface RunQueue {
    /** Hands the runs, already stored as queued, to the queue. */
    void enqueue(List<String> runIds);
}
