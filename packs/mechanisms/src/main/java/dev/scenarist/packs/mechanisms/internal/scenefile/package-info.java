/**
 * Scene files: writing a template's {@link dev.scenarist.packs.mechanisms.scene.Scene} as MJCF plus binary STL
 * ({@link dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter}, run by {@code TemplateMain} inside the
 * sandbox), reading binary STL back for the checks, the simulators and the preview, and the one number format of
 * every written file. The pack's machinery, not the template contract: templates return a scene and never write it.
 */
package dev.scenarist.packs.mechanisms.internal.scenefile;
