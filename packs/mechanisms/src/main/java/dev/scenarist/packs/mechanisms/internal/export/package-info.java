/**
 * The benchmark layout of an accepted scenario: every variant's scene, meshes, manifest with the measured numbers,
 * and preview image, beside the template source and plan.
 */
package dev.scenarist.packs.mechanisms.internal.export;
