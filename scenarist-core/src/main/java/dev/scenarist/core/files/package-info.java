/** Writing files so that a crash leaves the old file or the new one, never half of one. <b>API</b>, for every module. */
package dev.scenarist.core.files;
