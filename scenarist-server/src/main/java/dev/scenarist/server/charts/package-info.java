/**
 * Server-side SVG charts for the dashboard (no JavaScript, no vendored library): horizontal bars, a histogram and a
 * line chart. Every chart is an accessible image — {@code role="img"}, a {@code <title>} and {@code <desc>} — with
 * its axis labels and every value written as text, and every label escaped.
 */
package dev.scenarist.server.charts;
