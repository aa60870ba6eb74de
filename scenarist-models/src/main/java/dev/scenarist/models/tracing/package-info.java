/**
 * OpenTelemetry traces of model calls, after the GenAI semantic conventions. <b>API</b>: {@link
 * dev.scenarist.models.tracing.TracedAuthor} wraps an author once, in the application's wiring; without an SDK installed
 * (the default) the OpenTelemetry API is a no-op.
 */
package dev.scenarist.models.tracing;
