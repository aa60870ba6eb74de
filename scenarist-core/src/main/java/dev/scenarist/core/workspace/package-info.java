/**
 * A run's files ({@link dev.scenarist.core.workspace.Workspace}), and how an author's reply becomes files: the reply
 * format ({@link dev.scenarist.core.workspace.ReplyParser}) and which files an attempt may change
 * ({@link dev.scenarist.core.workspace.EditPolicy}). <b>API</b>: packs' checks and gates read the workspace, offline
 * authors and models write replies in its format.
 */
package dev.scenarist.core.workspace;
