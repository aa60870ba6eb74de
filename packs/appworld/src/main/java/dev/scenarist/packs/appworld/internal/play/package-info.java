/** The player's machinery: the event flow of one play, the session loop and the turn views (internal). */
package dev.scenarist.packs.appworld.internal.play;
