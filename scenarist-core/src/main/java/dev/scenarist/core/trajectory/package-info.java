/**
 * Where a run's files live in the data folder ({@link dev.scenarist.core.trajectory.RunFiles}: workspace, snapshots,
 * trajectory, artifacts). <b>API</b>: the app reads them to show and export; the engine writes them.
 */
package dev.scenarist.core.trajectory;
