/** JSON and YAML documents read with the line of every value, for findings that name file, JSON path and line. */
package dev.scenarist.packs.services.internal.source;
