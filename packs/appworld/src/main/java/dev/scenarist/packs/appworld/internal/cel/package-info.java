/** CEL compilation and evaluation for validation predicates and event conditions (internal to the appworld pack). */
package dev.scenarist.packs.appworld.internal.cel;
