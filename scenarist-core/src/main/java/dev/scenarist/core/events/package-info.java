/**
 * What happens while campaigns run, as {@link dev.scenarist.core.events.ScenaristEvent}s on an
 * {@link dev.scenarist.core.events.EventBus} (in process): progress bars, the dashboard and metrics subscribe. <b>API</b>,
 * for the app and a future server; the engine publishes.
 */
package dev.scenarist.core.events;
