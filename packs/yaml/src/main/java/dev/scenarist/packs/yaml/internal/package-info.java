/**
 * Not API: how a pack.yaml is read ({@link dev.scenarist.packs.yaml.internal.DefinitionReader} and the readers it
 * uses, one per part of the file) and what it is made into — checks, gates, offline authors and parameter spaces in
 * the subpackages. Only this module uses it; other modules go through
 * {@link dev.scenarist.packs.yaml.YamlPackLoader}.
 */
package dev.scenarist.packs.yaml.internal;
