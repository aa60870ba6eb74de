/**
 * The vocabulary every part speaks: check results and findings with their severity, run states and reject reasons,
 * token usage, ids, and the one JSON mapper. Plain values with no behaviour beyond their own rules. <b>API</b>, for
 * everyone (packs, models, store, app).
 */
package dev.scenarist.core.model;
