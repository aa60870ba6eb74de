/**
 * The engine's in-memory mirror of the catalog ({@link dev.scenarist.core.catalog.internal.CatalogMirror}), kept up to
 * date inside the store's acceptance transaction. <b>Internal</b>: used by acceptance and the campaign runner only.
 */
package dev.scenarist.core.catalog.internal;
