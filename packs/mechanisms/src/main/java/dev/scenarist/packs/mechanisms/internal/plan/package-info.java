/** The plan stage's artifact: what the template must build, teach and verify, and how far it may be scaled. */
package dev.scenarist.packs.mechanisms.internal.plan;
