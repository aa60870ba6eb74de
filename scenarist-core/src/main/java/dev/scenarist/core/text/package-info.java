/** Text a person reads: "did you mean" suggestions, durations. <b>API</b>, for every module. */
package dev.scenarist.core.text;
