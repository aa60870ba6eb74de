/**
 * The static checks of a service scenario ({@link dev.scenarist.packs.services.internal.check.StaticChecks}): schemas,
 * references, SQL read lexically, catalog, ports and names across files (tier PARSE), then {@code bash -n} and
 * shellcheck in the sandbox (tier PROCESS). Every finding code is {@code SVC_<CLASS>_<DETAIL>}.
 */
package dev.scenarist.packs.services.internal.check;
