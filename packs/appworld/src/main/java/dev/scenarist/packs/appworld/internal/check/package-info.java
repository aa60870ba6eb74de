/** The scenario checks' rules (internal): flow and validation rules, the oracle run's findings, distractors. */
package dev.scenarist.packs.appworld.internal.check;
