/**
 * Strict static validation of MuJoCo MJCF models, without MuJoCo.
 *
 * <p>{@link dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator} checks an MJCF file (and the files it includes and
 * names) against MuJoCo's own grammar, {@link dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema}, derived from
 * {@code google-deepmind/mujoco src/xml/mjcf.schema} (Apache-2.0) and cross-checked against the table compiled into
 * MuJoCo 3.14.0, and against the rules MuJoCo's compiler enforces; it returns findings with {@code file:line}.
 * {@link dev.scenarist.packs.mechanisms.internal.mjcf.BinaryStl} tells whether a mesh file is a binary STL MuJoCo can read.
 * {@link dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel} is a read-only view of a model through the same parser,
 * include expansion and default-class resolution, for code that draws or measures models;
 * {@link dev.scenarist.packs.mechanisms.internal.mjcf.MjcfFrames} reads where its elements sit ({@code pos} and the five
 * orientation specifiers, as MuJoCo's compiler does) as {@link dev.scenarist.packs.mechanisms.internal.mjcf.Pose}s.
 */
package dev.scenarist.packs.mechanisms.internal.mjcf;
