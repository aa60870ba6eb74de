/** How the appworld pack presents a scenario to the catalog uniqueness gate: the compared text and its group key. */
package dev.scenarist.packs.appworld.internal.uniqueness;
