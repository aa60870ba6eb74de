/**
 * Playing scenarios (public API): the agent and user contracts, the {@link dev.scenarist.packs.appworld.play.Player}
 * with its {@link dev.scenarist.packs.appworld.play.Cast}, the scripted performers (oracle, noop, wrong agents,
 * scripted user), and judging a play with the scenario's validation ({@link dev.scenarist.packs.appworld.play.Judge},
 * {@link dev.scenarist.packs.appworld.play.Verdict}).
 */
package dev.scenarist.packs.appworld.play;
