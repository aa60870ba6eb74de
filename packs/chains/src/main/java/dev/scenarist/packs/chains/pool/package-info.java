/**
 * Question pools (public API): a pool is a domain's scenarios; a scenario is an ordered chain of steps; a step has its
 * wordings and deterministic expectations. Read them with {@link dev.scenarist.packs.chains.Pools}.
 */
package dev.scenarist.packs.chains.pool;
