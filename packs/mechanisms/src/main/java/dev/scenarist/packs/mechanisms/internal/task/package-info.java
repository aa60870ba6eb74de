/**
 * The machine-readable task of a scenario ({@code task.json}, schema {@code mechanisms/task.schema.json}) and its
 * solutions ({@code solution.schema.json}): written inside the sandbox by hand (only the JDK there), read back with
 * the file and line of every fault, and played in MuJoCo ({@link dev.scenarist.packs.mechanisms.internal.task.TaskPlayer})
 * to a verdict with the measured quantities.
 */
package dev.scenarist.packs.mechanisms.internal.task;
