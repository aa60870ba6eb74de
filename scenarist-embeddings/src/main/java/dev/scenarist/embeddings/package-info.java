/**
 * In-process sentence embeddings for the semantic uniqueness index ({@link dev.scenarist.core.catalog.SemanticIndex}):
 * {@link dev.scenarist.embeddings.MiniLmEmbedder}. <b>API</b>, for the app and the benchmarks. A module of its own
 * (depending on core only) so that the ~90 MB model and ONNX Runtime are on the class path only of what uses them —
 * not core (no model SDKs), not the authors in {@code scenarist-models} (which talk HTTP to providers).
 */
package dev.scenarist.embeddings;
