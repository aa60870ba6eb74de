/**
 * The offline author of the appworld pack: {@link dev.scenarist.packs.appworld.internal.offline.Family scenario
 * families}, each a procedural generator randomized by seed ({@link dev.scenarist.packs.appworld.internal.offline.Casting}),
 * and the author that answers each pipeline stage with its section of the family's scenario.
 */
package dev.scenarist.packs.appworld.internal.offline;
