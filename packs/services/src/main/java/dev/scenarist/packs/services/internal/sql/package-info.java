/** A lexical reader of PostgreSQL scripts: statements with their lines, and what makes a script unreadable. */
package dev.scenarist.packs.services.internal.sql;
